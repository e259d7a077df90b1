package ma.salonsess.localrun;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.salonsess.localaws.SamTemplate;

/**
 * API Gateway's HTTP API, locally: matches each request against the template's routes, hands the
 * function a payload-format-2.0 event as API Gateway builds it, and writes back its response.
 * Paths under {@code /_local/} are the local run's own controls (see {@link LocalBackend}).
 */
final class HttpApiServer implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, String> corsHeaders;
    private final Controls controls;

    /** The local run's own routes: method, path and body in, an answer out. */
    interface Controls {
        LocalControlAnswer answer(String method, String path, String body);
    }

    /** An answer of the local run's own {@code /_local/...} routes. */
    record LocalControlAnswer(int status, String json) {
    }

    /** API Gateway's JWT authorizer, locally: a token's claims, or empty for 401. */
    interface Authorizer {
        java.util.Optional<Map<String, String>> claims(String token);
    }

    private record Route(SamTemplate.HttpRoute route, Pattern pattern, List<String> names, LocalFunction function,
                         Authorizer authorizer) {
    }

    HttpApiServer(int port, Map<String, String> corsHeaders, Controls controls)
            throws IOException {
        this.corsHeaders = Map.copyOf(corsHeaders);
        this.controls = controls;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** @param authorizer null for a public route */
    void add(SamTemplate.HttpRoute route, LocalFunction function, Authorizer authorizer) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(route.path());
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(route.path().substring(last, m.start())));
            String name = m.group(1);
            if (name.endsWith("+")) {
                names.add(name.substring(0, name.length() - 1));
                regex.append("(.+)");
            } else {
                names.add(name);
                regex.append("([^/]+)");
            }
            last = m.end();
        }
        regex.append(Pattern.quote(route.path().substring(last))).append("$");
        routes.add(new Route(route, Pattern.compile(regex.toString()), names, function, authorizer));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/_local") || path.startsWith("/_local/")) {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                LocalControlAnswer answer = controls.answer(method, path, body);
                send(exchange, answer.status(), Map.of("content-type", "application/json"),
                        answer.json().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (method.equals("OPTIONS") && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                send(exchange, 204, corsHeaders, new byte[0]);
                return;
            }
            for (Route route : routes) {
                Matcher m = route.pattern().matcher(path);
                if (m.matches() && (route.route().method().equals(method) || route.route().method().equals("ANY"))) {
                    invoke(exchange, route, m, method, path);
                    return;
                }
            }
            send(exchange, 404, Map.of("content-type", "application/json"),
                    "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void invoke(HttpExchange exchange, Route route, Matcher m, String method, String path) throws IOException {
        APIGatewayV2HTTPEvent event = toEvent(exchange, route, m, method, path);
        if (route.authorizer() != null) {
            // As API Gateway: the function never sees a request whose token did not verify.
            String header = event.getHeaders().getOrDefault("authorization", "").strip();
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : header;
            var claims = token.isEmpty() ? java.util.Optional.<Map<String, String>>empty()
                    : route.authorizer().claims(token);
            if (claims.isEmpty()) {
                Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
                headers.put("content-type", "application/json");
                headers.put("www-authenticate", "Bearer");
                send(exchange, 401, headers, "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims.get()).withScopes(null).build())
                    .build());
        }
        APIGatewayV2HTTPResponse response;
        try {
            response = (APIGatewayV2HTTPResponse) route.function().invoke(event);
        } catch (Exception e) {
            // What API Gateway answers when the integration fails; the cause is in the log.
            System.err.println("[" + route.function().name() + "] failed: " + e);
            e.printStackTrace();
            send(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), headers, bytes);
    }

    private static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, Route route, Matcher m, String method,
                                                 String path) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, String> pathParameters = new HashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
            pathParameters.put(route.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.route().routeKey())
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body.length == 0 ? null
                        : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName("localhost")
                        .withRequestId(requestId)
                        .withRouteKey(route.route().routeKey())
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp(sourceIp).withUserAgent(headers.get("user-agent")).build())
                        .build())
                .build();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
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
