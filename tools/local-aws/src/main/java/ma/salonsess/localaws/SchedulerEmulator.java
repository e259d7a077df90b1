package ma.salonsess.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import ma.salonsess.shared.json.Json;

/**
 * EventBridge Scheduler's API on a loopback port, for the schedules the functions create at run
 * time (a survey at a fair's end): CreateSchedule, UpdateSchedule, GetSchedule, DeleteSchedule and
 * ListSchedules over its REST-JSON protocol, with the service's own checks on names, expressions
 * and targets, so a function uses the real SDK client here as on AWS. It keeps the schedules; the
 * local run fires those that fall due ({@link #due}).
 */
public final class SchedulerEmulator implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-_.]{1,64}");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private final HttpServer server;
    private final String region;
    private final Map<String, ObjectNode> schedules = new LinkedHashMap<>();

    /** A schedule as stored: its group, name, and the request's fields. */
    public record StoredSchedule(String group, String name, JsonNode definition) {
        public String expression() {
            return definition.path("ScheduleExpression").asText();
        }

        public String targetArn() {
            return definition.path("Target").path("Arn").asText();
        }

        public String input() {
            return definition.path("Target").path("Input").asText("{}");
        }

        /** When a one-time {@code at(...)} schedule fires; empty for rate and cron. */
        public Optional<Instant> fireAt() {
            var m = AT.matcher(expression());
            if (!m.matches()) {
                return Optional.empty();
            }
            String zone = definition.path("ScheduleExpressionTimezone").asText("UTC");
            return Optional.of(LocalDateTime.parse(m.group(1)).atZone(ZoneId.of(zone)).toInstant());
        }
    }

    private SchedulerEmulator(HttpServer server, String region) {
        this.server = server;
        this.region = region;
    }

    public static SchedulerEmulator start(int port, String region) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SchedulerEmulator emulator = new SchedulerEmulator(server, region);
            server.createContext("/schedules", emulator::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "scheduler-emulator");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Scheduler emulator on port " + port, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** One-time schedules whose time has come, oldest first. */
    public synchronized List<StoredSchedule> due(Instant now) {
        List<StoredSchedule> due = new ArrayList<>();
        for (ObjectNode s : schedules.values()) {
            StoredSchedule stored = stored(s);
            if ("ENABLED".equals(s.path("State").asText("ENABLED"))
                    && stored.fireAt().map(at -> !at.isAfter(now)).orElse(false)) {
                due.add(stored);
            }
        }
        due.sort((a, b) -> a.fireAt().orElseThrow().compareTo(b.fireAt().orElseThrow()));
        return due;
    }

    /**
     * What Scheduler does once a one-time schedule has invoked its target: deletes it if asked
     * ({@code ActionAfterCompletion: DELETE}), otherwise leaves it, never to fire again.
     */
    public synchronized void completed(StoredSchedule schedule) {
        String key = key(schedule.group(), schedule.name());
        ObjectNode current = schedules.get(key);
        if (current == null || !current.equals(schedule.definition())) {
            return; // replaced meanwhile: the new definition stands
        }
        if ("DELETE".equals(current.path("ActionAfterCompletion").asText("NONE"))) {
            schedules.remove(key);
        } else {
            current.put("State", "DISABLED");
        }
    }

    public synchronized List<StoredSchedule> all() {
        return schedules.values().stream().map(SchedulerEmulator::stored).toList();
    }

    private static StoredSchedule stored(ObjectNode s) {
        return new StoredSchedule(s.path("GroupName").asText(), s.path("Name").asText(), s.deepCopy());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String name = path.length() > "/schedules/".length()
                    ? URLDecoder.decode(path.substring("/schedules/".length()), StandardCharsets.UTF_8) : null;
            JsonNode body = Json.object();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (raw.length > 0) {
                body = Json.parse(new String(raw, StandardCharsets.UTF_8));
            }
            Answer answer = answer(exchange.getRequestMethod(), name, query, body);
            byte[] out = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
            }
            exchange.sendResponseHeaders(answer.status(), out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private record Answer(int status, String errorType, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, null, body);
        }

        static Answer error(int status, String type, String message) {
            return new Answer(status, type, Json.object().put("Message", message));
        }
    }

    private synchronized Answer answer(String method, String name, Map<String, String> query, JsonNode body) {
        if (name == null) {
            if (!method.equals("GET")) {
                return Answer.error(400, "ValidationException", "Unsupported operation");
            }
            String group = query.get("ScheduleGroup");
            ObjectNode list = Json.object();
            var items = list.putArray("Schedules");
            for (ObjectNode s : schedules.values()) {
                if (group == null || group.equals(s.path("GroupName").asText())) {
                    items.addObject().put("Name", s.path("Name").asText()).put("GroupName", s.path("GroupName").asText())
                            .put("Arn", s.path("Arn").asText()).put("State", s.path("State").asText());
                }
            }
            return Answer.ok(list);
        }
        if (!NAME.matcher(name).matches()) {
            return Answer.error(400, "ValidationException", "Invalid schedule name " + name
                    + ": 1 to 64 letters, digits, '-', '_' or '.'");
        }
        String group = query.getOrDefault("groupName", body.path("GroupName").asText("default"));
        String key = key(group, name);
        ObjectNode existing = schedules.get(key);
        switch (method) {
            case "POST", "PUT" -> {
                if (method.equals("POST") && existing != null) {
                    return Answer.error(409, "ConflictException", "Schedule " + name + " already exists.");
                }
                if (method.equals("PUT") && existing == null) {
                    return Answer.error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                }
                String problem = invalid(body);
                if (problem != null) {
                    return Answer.error(400, "ValidationException", problem);
                }
                ObjectNode stored = ((ObjectNode) body).deepCopy();
                stored.remove("ClientToken");
                stored.put("Name", name).put("GroupName", group);
                String arn = "arn:aws:scheduler:" + region + ":000000000000:schedule/" + group + "/" + name;
                stored.put("Arn", arn);
                if (!stored.has("State")) {
                    stored.put("State", "ENABLED");
                }
                stored.put("LastModificationDate", Instant.now().getEpochSecond());
                stored.put("CreationDate", existing == null ? Instant.now().getEpochSecond()
                        : existing.path("CreationDate").asLong());
                schedules.put(key, stored);
                return Answer.ok(Json.object().put("ScheduleArn", arn));
            }
            case "GET" -> {
                return existing == null
                        ? Answer.error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.")
                        : Answer.ok(existing);
            }
            case "DELETE" -> {
                if (existing == null) {
                    return Answer.error(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
                }
                schedules.remove(key);
                return Answer.ok(Json.object());
            }
            default -> {
                return Answer.error(400, "ValidationException", "Unsupported method " + method);
            }
        }
    }

    /** Scheduler's own checks, so a request AWS would refuse is refused here too. */
    private static String invalid(JsonNode body) {
        String expression = body.path("ScheduleExpression").asText("");
        if (!AT.matcher(expression).matches() && !expression.startsWith("rate(") && !expression.startsWith("cron(")) {
            return "Invalid Schedule Expression " + expression;
        }
        String zone = body.path("ScheduleExpressionTimezone").asText("UTC");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            return "Invalid ScheduleExpressionTimezone " + zone;
        }
        if (!body.path("FlexibleTimeWindow").has("Mode")) {
            return "FlexibleTimeWindow.Mode is required";
        }
        JsonNode target = body.path("Target");
        if (!target.path("Arn").asText("").startsWith("arn:") || !target.path("RoleArn").asText("").startsWith("arn:")) {
            return "Target.Arn and Target.RoleArn must be ARNs";
        }
        if (target.has("Input")) {
            try {
                Json.parse(target.path("Input").asText());
            } catch (IOException e) {
                return "Target.Input must be JSON for a Lambda target";
            }
        }
        return null;
    }

    private static String key(String group, String name) {
        return group + "/" + name;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
