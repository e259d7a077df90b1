package ma.salonsess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.localaws.AwsEndpoints;
import ma.salonsess.localaws.AwsStack;
import ma.salonsess.localaws.Mailbox;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.shared.json.Json;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container (Testcontainers), for those who have Docker and a LocalStack auth
 * token: {@code LOCALSTACK_AUTH_TOKEN=... ./mvnw verify -Plocalstack}.
 */
final class LocalStackAws implements AwsStack {
    /** Pinned: a floating tag would change the services under the tests without a commit. */
    static final String IMAGE = "localstack/localstack:4.9.2";

    private final LocalStackContainer container;
    private final AwsEndpoints endpoints;

    private LocalStackAws(LocalStackContainer container) {
        this.container = container;
        URI endpoint = container.getEndpoint();
        this.endpoints = new AwsEndpoints(endpoint, endpoint, endpoint, endpoint, container.getRegion(),
                container.getAccessKey(), container.getSecretKey(), endpoint, endpoint);
    }

    static LocalStackAws start() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("The localstack profile needs LOCALSTACK_AUTH_TOKEN in the environment "
                    + "(the " + IMAGE + " image refuses to start without one). Run without -Plocalstack to use the "
                    + "embedded emulators.");
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            throw new IllegalStateException("The localstack profile needs a running Docker engine for Testcontainers, "
                    + "and none was found (DOCKER_HOST, /var/run/docker.sock). Start Docker, or run without "
                    + "-Plocalstack to use the embedded emulators.");
        }
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3,
                        LocalStackContainer.Service.SES, LocalStackContainer.EnabledService.named("scheduler"),
                        LocalStackContainer.Service.SSM, LocalStackContainer.Service.SECRETSMANAGER)
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        container.start();
        return new LocalStackAws(container);
    }

    @Override
    public AwsEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public Mailbox mailbox() {
        return new LocalStackMailbox(container.getEndpoint());
    }

    @Override
    public void close() {
        container.stop();
    }

    /** LocalStack keeps what SES sent at {@code /_aws/ses}. */
    private record LocalStackMailbox(URI endpoint) implements Mailbox {
        @Override
        public List<SentEmail> sent() {
            JsonNode root;
            try {
                root = Json.parse(call("GET"));
            } catch (IOException e) {
                throw new IllegalStateException("LocalStack's /_aws/ses answer is not JSON", e);
            }
            List<SentEmail> emails = new ArrayList<>();
            for (JsonNode m : root.path("messages")) {
                List<String> to = new ArrayList<>();
                m.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
                emails.add(new SentEmail(m.path("Id").asText(), m.path("Source").asText(), to, List.of(), List.of(),
                        m.path("Subject").asText(null), m.path("Body").path("text_part").asText(null),
                        m.path("Body").path("html_part").asText(null), List.of()));
            }
            return emails;
        }

        @Override
        public void clear() {
            call("DELETE");
        }

        private String call(String method) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses"))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new IllegalStateException("LocalStack unreachable at " + endpoint, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
