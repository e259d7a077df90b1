package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.shared.json.Json;

/** The mailbox of the npm SES emulator (aws-ses-v2-local): {@code GET /store}, {@code POST /clear-store}. */
final class SesEmulatorMailbox implements Mailbox {
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SesEmulatorMailbox(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public List<SentEmail> sent() {
        JsonNode store;
        try {
            store = Json.parse(call(HttpRequest.newBuilder(endpoint.resolve("/store")).GET()));
        } catch (IOException e) {
            throw new IllegalStateException("The SES emulator's store is not JSON", e);
        }
        List<SentEmail> emails = new ArrayList<>();
        for (JsonNode e : store.path("emails")) {
            List<SentEmail.Attachment> attachments = new ArrayList<>();
            for (JsonNode a : e.path("attachments")) {
                attachments.add(new SentEmail.Attachment(a.path("filename").asText(null),
                        a.path("contentType").asText(null), a.path("content").asText("")));
            }
            JsonNode destination = e.path("destination");
            emails.add(new SentEmail(e.path("messageId").asText(), e.path("from").asText(),
                    strings(destination.path("to")), strings(destination.path("cc")), strings(destination.path("bcc")),
                    e.path("subject").asText(null), e.path("body").path("text").asText(null),
                    e.path("body").path("html").asText(null), attachments));
        }
        return emails;
    }

    @Override
    public void clear() {
        call(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SES emulator answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("SES emulator unreachable at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
