package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import ma.salonsess.shared.json.Json;

/**
 * A service speaking AWS's JSON 1.1 protocol on a loopback port: every call is a POST to {@code /}
 * naming its operation in {@code X-Amz-Target} ({@code AmazonSSM.GetParameter}), with a JSON body;
 * an error is a 400 whose body's {@code __type} names it. The real SDK clients talk to it unchanged.
 */
abstract class AwsJsonEmulator implements AutoCloseable {
    private final HttpServer server;

    /** An error the service answers with, named as AWS names it so the SDK throws the same exception. */
    static final class ServiceError extends RuntimeException {
        private final String type;

        ServiceError(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }

    AwsJsonEmulator(int port, String threadName) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + threadName + " on port " + port, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers one operation (the part of the target after the dot) or throws a {@link ServiceError}. */
    abstract JsonNode answer(String operation, JsonNode request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            int status = 200;
            JsonNode body;
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || target == null || target.indexOf('.') < 0) {
                    throw new ServiceError("UnknownOperationException", "Expected a POST with X-Amz-Target");
                }
                byte[] raw = exchange.getRequestBody().readAllBytes();
                JsonNode request = raw.length == 0 ? Json.object() : parse(raw);
                synchronized (this) {
                    body = answer(target.substring(target.indexOf('.') + 1), request);
                }
            } catch (ServiceError e) {
                status = 400;
                ObjectNode error = Json.object().put("__type", e.type).put("message", e.getMessage());
                body = error;
            }
            byte[] out = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return Json.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceError("SerializationException", "The body is not JSON");
        }
    }

    static String required(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new ServiceError("ValidationException", field + " is required");
        }
        return value.asText();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
