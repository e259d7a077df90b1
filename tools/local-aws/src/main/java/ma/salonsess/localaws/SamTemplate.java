package ma.salonsess.localaws;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The parts of an AWS SAM template that the local stack stands up: DynamoDB tables, S3 buckets,
 * functions with their environment, HTTP API routes, DynamoDB stream subscriptions and schedules.
 * CloudFormation's short-form intrinsics ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) are
 * read as their long forms.
 */
public final class SamTemplate {
    private final Path file;
    private final Map<String, Object> root;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object parsed = new Yaml(new CloudFormationConstructor()).load(reader);
            return new SamTemplate(file, asMap(parsed));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The folder the template sits in: CodeUri paths are relative to it. */
    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }

    public Map<String, Object> resources() {
        return asMap(root.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + file);
        }
        return asMap(resource);
    }

    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(asMap(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Map<String, Object> properties(String logicalId) {
        return asMap(resource(logicalId).get("Properties"));
    }

    /** Parameter defaults, the values a local run uses. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        asMap(root.get("Parameters")).forEach((name, p) -> {
            Object value = asMap(p).get("Default");
            if (value != null) {
                defaults.put(name, value instanceof List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
            }
        });
        return defaults;
    }

    /** The JWT authorizers of the template's HTTP APIs, by name. */
    public Map<String, JwtAuthorizer> jwtAuthorizers() {
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        for (String api : resourcesOfType("AWS::Serverless::HttpApi")) {
            asMap(asMap(properties(api).get("Auth")).get("Authorizers")).forEach((name, a) -> {
                Map<String, Object> jwt = asMap(asMap(a).get("JwtConfiguration"));
                if (!jwt.isEmpty()) {
                    Object audience = jwt.get("audience");
                    authorizers.put(name, new JwtAuthorizer(name, jwt.get("issuer"),
                            audience instanceof List<?> list ? List.copyOf(list) : List.of(audience)));
                }
            });
        }
        return authorizers;
    }

    /** A JWT authorizer; issuer and audience as written (resolve them with {@link #resolve}). */
    public record JwtAuthorizer(String name, Object issuer, List<Object> audience) {
    }

    public List<TableDefinition> tables() {
        return resourcesOfType("AWS::DynamoDB::Table").stream().map(id -> TableDefinition.of(id, properties(id))).toList();
    }

    public List<String> buckets() {
        return resourcesOfType("AWS::S3::Bucket");
    }

    /** The {@code Globals: Function:} section. */
    public Map<String, Object> functionGlobals() {
        return asMap(asMap(root.get("Globals")).get("Function"));
    }

    public List<FunctionDefinition> functions() {
        Map<String, Object> globals = functionGlobals();
        return resourcesOfType("AWS::Serverless::Function").stream()
                .map(id -> FunctionDefinition.of(id, globals, properties(id))).toList();
    }

    public FunctionDefinition function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in " + file));
    }

    /**
     * Resolves a property value to the string a deployed function would see, given what each
     * resource's {@code Ref} and {@code GetAtt} stand for here.
     */
    public String resolve(Object value, Names names) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> fn = asMap(value);
        if (fn.containsKey("Ref")) {
            return names.ref(String.valueOf(fn.get("Ref")));
        }
        if (fn.containsKey("Fn::GetAtt")) {
            List<?> parts = (List<?>) fn.get("Fn::GetAtt");
            return names.getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
        }
        if (fn.containsKey("Fn::Sub")) {
            Object sub = fn.get("Fn::Sub");
            String text = sub instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(sub);
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                int dot = name.indexOf('.');
                String replacement = dot > 0 ? names.getAtt(name.substring(0, dot), name.substring(dot + 1))
                        : names.ref(name);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }
        throw new IllegalArgumentException("Cannot resolve " + value + " locally");
    }

    /** What a template's references stand for in one place (AWS, or this machine). */
    public interface Names {
        String ref(String logicalIdOrParameter);

        String getAtt(String logicalId, String attribute);
    }

    /** A DynamoDB table as declared. */
    public record TableDefinition(String logicalId, Map<String, String> attributeTypes,
                                  List<Map<String, String>> keySchema, List<Map<String, Object>> globalSecondaryIndexes,
                                  Optional<String> streamViewType, Optional<String> ttlAttribute) {

        static TableDefinition of(String id, Map<String, Object> p) {
            Map<String, String> types = new LinkedHashMap<>();
            for (Object a : (List<?>) p.getOrDefault("AttributeDefinitions", List.of())) {
                types.put(String.valueOf(asMap(a).get("AttributeName")), String.valueOf(asMap(a).get("AttributeType")));
            }
            List<Map<String, String>> keys = new ArrayList<>();
            for (Object k : (List<?>) p.get("KeySchema")) {
                keys.add(Map.of("AttributeName", String.valueOf(asMap(k).get("AttributeName")),
                        "KeyType", String.valueOf(asMap(k).get("KeyType"))));
            }
            List<Map<String, Object>> gsis = new ArrayList<>();
            for (Object g : (List<?>) p.getOrDefault("GlobalSecondaryIndexes", List.of())) {
                gsis.add(asMap(g));
            }
            Optional<String> stream = Optional.ofNullable(asMap(p.get("StreamSpecification")).get("StreamViewType"))
                    .map(String::valueOf);
            Map<String, Object> ttl = asMap(p.get("TimeToLiveSpecification"));
            Optional<String> ttlAttribute = Boolean.TRUE.equals(ttl.get("Enabled"))
                    ? Optional.of(String.valueOf(ttl.get("AttributeName"))) : Optional.empty();
            return new TableDefinition(id, types, keys, gsis, stream, ttlAttribute);
        }
    }

    /** A function as declared, Globals applied. */
    public record FunctionDefinition(String logicalId, String codeUri, String handlerClass, String handlerMethod,
                                     Map<String, Object> environment, List<EventSource> events,
                                     Map<String, Object> properties) {

        static FunctionDefinition of(String id, Map<String, Object> globals, Map<String, Object> p) {
            String handler = String.valueOf(p.get("Handler"));
            int sep = handler.indexOf("::");
            Map<String, Object> env = new LinkedHashMap<>(
                    asMap(asMap(globals.get("Environment")).get("Variables")));
            env.putAll(asMap(asMap(p.get("Environment")).get("Variables")));
            List<EventSource> events = new ArrayList<>();
            asMap(p.get("Events")).forEach((name, e) -> events.add(EventSource.of(name, asMap(e))));
            return new FunctionDefinition(id, String.valueOf(p.get("CodeUri")),
                    sep < 0 ? handler : handler.substring(0, sep), sep < 0 ? "handleRequest" : handler.substring(sep + 2),
                    env, events, p);
        }

        public List<HttpRoute> httpRoutes() {
            return events.stream().filter(HttpRoute.class::isInstance).map(HttpRoute.class::cast).toList();
        }

        public List<StreamSubscription> streamSubscriptions() {
            return events.stream().filter(StreamSubscription.class::isInstance).map(StreamSubscription.class::cast)
                    .toList();
        }

        public List<Schedule> schedules() {
            return events.stream().filter(Schedule.class::isInstance).map(Schedule.class::cast).toList();
        }
    }

    /** One of a function's {@code Events}. */
    public sealed interface EventSource permits HttpRoute, StreamSubscription, Schedule, OtherEvent {
        String name();

        static EventSource of(String name, Map<String, Object> event) {
            String type = String.valueOf(event.get("Type"));
            Map<String, Object> p = asMap(event.get("Properties"));
            return switch (type) {
                case "HttpApi" -> new HttpRoute(name, String.valueOf(p.get("Method")).toUpperCase(),
                        String.valueOf(p.get("Path")),
                        (String) asMap(p.get("Auth")).get("Authorizer"));
                case "DynamoDB" -> {
                    List<?> getAtt = (List<?>) asMap(p.get("Stream")).get("Fn::GetAtt");
                    if (getAtt == null || !"StreamArn".equals(getAtt.get(1))) {
                        throw new IllegalArgumentException("Event " + name + ": Stream must be !GetAtt Table.StreamArn");
                    }
                    List<?> types = (List<?>) p.getOrDefault("FunctionResponseTypes", List.of());
                    Map<String, Object> filter = asMap(p.get("FilterCriteria"));
                    List<String> patterns = new ArrayList<>();
                    for (Object f : (List<?>) filter.getOrDefault("Filters", List.of())) {
                        patterns.add(String.valueOf(asMap(f).get("Pattern")));
                    }
                    yield new StreamSubscription(name, String.valueOf(getAtt.get(0)),
                            String.valueOf(p.getOrDefault("StartingPosition", "LATEST")),
                            ((Number) p.getOrDefault("BatchSize", 100)).intValue(),
                            types.contains("ReportBatchItemFailures"),
                            ((Number) p.getOrDefault("MaximumRetryAttempts", -1)).intValue(),
                            Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")), patterns);
                }
                case "Schedule", "ScheduleV2" -> new Schedule(name,
                        String.valueOf(p.containsKey("ScheduleExpression") ? p.get("ScheduleExpression") : p.get("Schedule")),
                        String.valueOf(p.getOrDefault("ScheduleExpressionTimezone", "UTC")),
                        !Boolean.FALSE.equals(p.get("Enabled")) && !"DISABLED".equals(p.get("State")),
                        p.get("Input") == null ? null : String.valueOf(p.get("Input")));
                default -> new OtherEvent(name, type);
            };
        }
    }

    /** @param authorizer the name of the API's authorizer guarding the route; null for a public route */
    public record HttpRoute(String name, String method, String path, String authorizer) implements EventSource {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /**
     * @param maximumRetryAttempts -1 when unset (Lambda's default: retry until the record expires)
     * @param filterPatterns       the FilterCriteria patterns, as JSON text
     */
    public record StreamSubscription(String name, String tableLogicalId, String startingPosition, int batchSize,
                                     boolean reportBatchItemFailures, int maximumRetryAttempts,
                                     boolean bisectOnError, List<String> filterPatterns) implements EventSource {
    }

    public record Schedule(String name, String expression, String timeZone, boolean enabled, String input)
            implements EventSource {
    }

    public record OtherEvent(String name, String type) implements EventSource {
    }

    /** A template value as a map: an empty one when it is absent or not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Reads {@code !Ref x} as {@code {Ref: x}}, {@code !GetAtt a.b} as {@code {Fn::GetAtt: [a, b]}}, and so on. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "GetAtt", "Sub", "Join", "If",
                "Equals", "Not", "And", "Or", "Select", "Split", "FindInMap", "GetAZs", "ImportValue", "Base64",
                "Cidr", "ToJsonString", "Length");

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic(fn));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String fn;

            Intrinsic(String fn) {
                this.fn = fn;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("Unexpected node " + node);
                };
                if (fn.equals("GetAtt") && value instanceof String text) {
                    value = List.of(text.split("\\.", 2));
                }
                return Map.of(fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn, value);
            }
        }
    }
}
