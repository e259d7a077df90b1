package ma.salonsess.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import ma.salonsess.shared.json.Json;

/**
 * The public site ({@code site/}) on its own origin, as CloudFront serves it: the files, the fonts
 * of {@code site/fonts.json} from node_modules, {@code /config.json} naming the API, any page
 * address without a file answered by {@code index.html} (the pages route in the browser), and the
 * response-headers policy of template.yaml on every answer. Two origins keep page addresses
 * (the emails' {@code /fairs/{fairId}/registrations/{registrationId}}) apart from API routes.
 */
public final class SiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "json", "application/json", "ttf", "font/ttf", "png", "image/png", "svg", "image/svg+xml",
            "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Path site;
    private final Map<String, Path> fonts = new LinkedHashMap<>();
    /** Libraries from node_modules the site serves under /vendor/ (site/vendor.json), as the build copies them. */
    private final Map<String, Path> vendor = new LinkedHashMap<>();
    private final Supplier<ObjectNode> config;

    /**
     * @param root   the repository (site/ and node_modules/ under it)
     * @param port   0 for a free port
     * @param config what {@code /config.json} says: the API's address, the privacy notice version
     */
    public SiteServer(Path root, int port, Supplier<ObjectNode> config) {
        this.site = root.resolve("site").toAbsolutePath().normalize();
        this.config = config;
        try {
            JsonNode manifest = Json.parse(Files.readString(site.resolve("fonts.json")));
            manifest.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("_")) {
                    fonts.put(e.getKey(), root.resolve(e.getValue().asText()));
                }
            });
            JsonNode libraries = Json.parse(Files.readString(site.resolve("vendor.json")));
            libraries.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("_")) {
                    vendor.put(e.getKey(), root.resolve(e.getValue().asText()));
                }
            });
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** The headers CloudFront's response-headers policy adds (template.yaml, SiteHeaders; SiteTemplateTest). */
    static Map<String, String> securityHeaders(String apiOrigin) {
        Map<String, String> headers = new LinkedHashMap<>();
        // Deployed, the API is at the site's own origin (/api/); locally it has its own port.
        headers.put("content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'" + (apiOrigin.isEmpty() ? "" : " "
                        + apiOrigin)
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        headers.put("strict-transport-security", "max-age=63072000; includeSubDomains");
        headers.put("x-content-type-options", "nosniff");
        headers.put("referrer-policy", "no-referrer");
        headers.put("x-frame-options", "DENY");
        return headers;
    }

    public SiteServer start() {
        server.start();
        return this;
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8",
                        "Method not allowed".getBytes(StandardCharsets.UTF_8), "no-store");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/config.json")) {
                send(exchange, 200, TYPES.get("json"), Json.write(config.get()).getBytes(StandardCharsets.UTF_8),
                        "no-store");
                return;
            }
            Path file = resolve(path);
            if (file == null) {
                send(exchange, 404, TYPES.get("txt"), "Not found".getBytes(StandardCharsets.UTF_8), "no-store");
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                    "application/octet-stream");
            send(exchange, 200, type, Files.readAllBytes(file), name.endsWith(".html") ? "no-cache" : "max-age=300");
        }
    }

    /** The file for a path, index.html for a page address, or null. */
    private Path resolve(String path) {
        if (path.startsWith("/fonts/") && fonts.containsKey(path.substring(7))) {
            return fonts.get(path.substring(7));
        }
        if (path.startsWith("/vendor/") && vendor.containsKey(path.substring(8))) {
            return vendor.get(path.substring(8));
        }
        if (path.contains("..") || path.contains("\\") || path.endsWith("fonts.json") || path.endsWith("vendor.json")) {
            return null;
        }
        Path file = site.resolve(path.substring(1)).normalize();
        if (file.startsWith(site) && Files.isRegularFile(file)) {
            return file;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        // A page address (no file extension) is the one page that routes in the browser.
        return last.contains(".") ? null : site.resolve("index.html");
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body, String cacheControl)
            throws IOException {
        String api = String.valueOf(config.get().path("api").asText(""));
        securityHeaders(api).forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("content-type", type);
        exchange.getResponseHeaders().set("cache-control", cacheControl);
        String accept = exchange.getRequestHeaders().getFirst("accept-encoding");
        if (accept != null && accept.contains("gzip") && body.length > 512 && !type.startsWith("font/")
                && !type.startsWith("image/png")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("content-encoding", "gzip");
        }
        exchange.getResponseHeaders().set("vary", "accept-encoding");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
