package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.auth.StaffAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.json.Json;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** template.yaml, the code, events/ and openapi.yaml describe the same system. */
@ExtendWith(LocalAwsExtension.class)
class TemplateAgreementTest {
    private static final Path ROOT = RepositoryLayout.root();
    private static final SamTemplate TEMPLATE = SamTemplate.load(ROOT.resolve("template.yaml"));
    private static final Set<String> SDK_VARIABLES = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_FUNCTION_NAME");

    @Test
    void everyFunctionsHandlerIsAClassOfItsOwnModuleBuiltBySam() throws Exception {
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            Path module = ROOT.resolve(f.codeUri());
            Path source = module.resolve("src/main/java/" + f.handlerClass().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), f.logicalId() + ": no " + source);
            assertTrue(parentPom.contains("<module>" + f.codeUri() + "</module>"), f.codeUri() + " is not a module");
            assertTrue(Files.readString(module.resolve("Makefile")).contains("build-" + f.logicalId() + ":"),
                    f.logicalId() + ": its Makefile has no build target for sam build");
            assertEquals("makefile", SamTemplate.asMap(TEMPLATE.resource(f.logicalId()).get("Metadata"))
                    .get("BuildMethod"));
            Class<?> handler = Class.forName(f.handlerClass());
            assertTrue(Stream.of(handler.getMethods()).anyMatch(m -> m.getName().equals(f.handlerMethod())),
                    f.logicalId() + ": no method " + f.handlerMethod());
        }
    }

    @Test
    void everyGroupTheOrganiserRoutesCheckIsAGroupOfTheOrganiserPool() {
        Set<String> groups = new TreeSet<>();
        for (String id : TEMPLATE.resourcesOfType("AWS::Cognito::UserPoolGroup")) {
            Map<String, Object> properties = TEMPLATE.properties(id);
            assertEquals(Map.of("Ref", "OrganiserPool"), properties.get("UserPoolId"), id);
            groups.add((String) properties.get("GroupName"));
        }
        assertEquals(new TreeSet<>(Set.of(OrganiserAccess.GROUP, OrganiserAccess.ADMINS, StaffAccess.STEWARDS,
                StaffAccess.SUPERVISORS)), groups);
    }

    /**
     * Each handler is built with exactly the variables the template gives it (resolved locally),
     * so a variable the code needs but the template lacks fails here, not on AWS.
     */
    @Test
    void everyVariableTheCodeReadsIsDeclared(LocalAws aws) throws Exception {
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            Env env = aws.resources().functionEnv(f);
            Class.forName(f.handlerClass()).getConstructor(Env.class).newInstance(env);
            Set<String> undeclared = new TreeSet<>(env.namesRead());
            undeclared.removeAll(f.environment().keySet());
            undeclared.removeIf(name -> SDK_VARIABLES.contains(name) || name.startsWith("AWS_ENDPOINT_URL"));
            assertTrue(undeclared.isEmpty(), f.logicalId() + " reads undeclared variables " + undeclared);
        }
    }

    /** A *_TABLE variable names a declared table, and the function's policies grant access to it. */
    @Test
    void everyTableAFunctionUsesIsDeclaredAndGranted() {
        Set<String> tables = new HashSet<>(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"));
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            String policies = String.valueOf(f.properties().get("Policies"));
            f.environment().forEach((name, value) -> {
                if (name.endsWith("_TABLE")) {
                    Object ref = SamTemplate.asMap(value).get("Ref");
                    assertTrue(ref != null && tables.contains(ref.toString()),
                            f.logicalId() + ": " + name + " is not a !Ref to a declared table");
                    // The table itself, or only one of its indexes ('${Table.Arn}/index/name').
                    assertTrue(policies.contains("[" + ref + ", Arn]") || policies.contains("${" + ref + ".Arn}/index/"),
                            f.logicalId() + " has no policy on " + ref);
                }
            });
            assertFalse(policies.contains("dynamodb:*"), f.logicalId() + ": no wildcard actions");
        }
    }

    @Test
    void everyRouteHasASampleEventAndEverySampleEventARoute() throws Exception {
        Set<String> routes = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> f.httpRoutes().forEach(r -> routes.add(r.routeKey())));
        Set<String> sampled = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode event = Json.parse(Files.readString(file));
                if (event.has("routeKey")) {
                    assertTrue(routes.contains(event.get("routeKey").asText()),
                            file.getFileName() + " is for a route the template does not declare");
                    sampled.add(event.get("routeKey").asText());
                }
            }
        }
        assertEquals(routes, sampled, "routes without a sample event in events/");
    }

    @Test
    void everyStreamSubscriptionHasASampleEvent() throws Exception {
        Set<String> sampledTables = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode event = Json.parse(Files.readString(file));
                for (JsonNode record : event.path("Records")) {
                    if ("aws:dynamodb".equals(record.path("eventSource").asText())) {
                        // Deployed stream ARNs name the table as <stack>-<LogicalId>-<suffix>.
                        String arn = record.path("eventSourceARN").asText();
                        TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").stream()
                                .filter(table -> arn.contains("-" + table + "-")).forEach(sampledTables::add);
                    }
                }
            }
        }
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            for (SamTemplate.StreamSubscription s : f.streamSubscriptions()) {
                assertTrue(sampledTables.contains(s.tableLogicalId()),
                        f.logicalId() + " reads " + s.tableLogicalId() + "'s stream but events/ has no sample of it");
            }
        }
    }

    @Test
    void everyBucketAFunctionUsesIsDeclaredAndGranted() {
        Set<String> buckets = new HashSet<>(TEMPLATE.buckets());
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            String policies = String.valueOf(f.properties().get("Policies"));
            f.environment().forEach((name, value) -> {
                if (name.endsWith("_BUCKET")) {
                    Object ref = SamTemplate.asMap(value).get("Ref");
                    assertTrue(ref != null && buckets.contains(ref.toString()), f.logicalId() + ": " + name);
                    assertTrue(policies.contains("${" + ref + ".Arn}/"), f.logicalId() + " has no object policy on " + ref);
                    assertFalse(policies.contains("s3:*"), f.logicalId() + ": no wildcard S3 actions");
                }
            });
        }
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheTemplatesRoutes() {
        Set<String> routes = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> f.httpRoutes().forEach(r -> routes.add(r.routeKey())));
        assertEquals(routes, OpenApiContract.load().operations());
    }

    @Test
    void tablesAndTheBucketAreDeclaredSafely() {
        for (String table : TEMPLATE.resourcesOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = TEMPLATE.properties(table);
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), table);
            assertEquals(Map.of("PointInTimeRecoveryEnabled", true), p.get("PointInTimeRecoverySpecification"), table);
            assertEquals(Map.of("SSEEnabled", true), p.get("SSESpecification"), table);
            assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), p.get("StreamSpecification"), table);
        }
        for (String bucket : TEMPLATE.buckets()) {
            Map<String, Object> p = TEMPLATE.properties(bucket);
            assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true), p.get("PublicAccessBlockConfiguration"), bucket);
            assertTrue(p.containsKey("BucketEncryption"), bucket + " is encrypted");
        }
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            if (f.properties().get("LoggingConfig") == null) {
                fail(f.logicalId() + " has no log group with a retention");
            }
        }
        List<String> runtimes = List.of(String.valueOf(TEMPLATE.functionGlobals().get("Runtime")));
        assertEquals(List.of("java21"), runtimes);
    }

    /**
     * Deleting or replacing the stack must not delete the registrations, the badges, the organisers'
     * accounts, or the keys that every printed badge and survey link was signed with.
     */
    @Test
    void whatCannotBeRebuiltSurvivesTheStack() {
        List<String> kept = new ArrayList<>();
        kept.addAll(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"));
        kept.addAll(TEMPLATE.resourcesOfType("AWS::SecretsManager::Secret"));
        kept.addAll(TEMPLATE.resourcesOfType("AWS::Cognito::UserPool"));
        kept.add("BadgeBucket");
        for (String id : kept) {
            Map<String, Object> resource = TEMPLATE.resource(id);
            assertEquals("Retain", resource.get("DeletionPolicy"), id);
            assertEquals("Retain", resource.get("UpdateReplacePolicy"), id);
        }
        for (String table : TEMPLATE.resourcesOfType("AWS::DynamoDB::Table")) {
            assertEquals(true, TEMPLATE.properties(table).get("DeletionProtectionEnabled"), table);
        }
    }

    /**
     * A topic that an AWS service publishes to is encrypted with a key whose policy lets that
     * service use it: with the AWS-managed SNS key, SES feedback and alarms would be dropped.
     */
    @Test
    void topicsThatServicesPublishToUseAKeyThatLetsThem() {
        Map<String, String> publishers = Map.of("EmailFeedbackTopic", "ses.amazonaws.com",
                "OperationsAlarmTopic", "cloudwatch.amazonaws.com");
        for (var topic : publishers.entrySet()) {
            Object key = TEMPLATE.properties(topic.getKey()).get("KmsMasterKeyId");
            assertTrue(key instanceof Map<?, ?> ref && ref.containsKey("Ref"), topic.getKey() + " uses the stack's key: " + key);
            String keyId = String.valueOf(((Map<?, ?>) key).get("Ref"));
            String policy = String.valueOf(TEMPLATE.properties(keyId).get("KeyPolicy"));
            assertTrue(policy.contains(topic.getValue()) && policy.contains("kms:GenerateDataKey*"),
                    keyId + " lets " + topic.getValue() + " encrypt");
        }
    }

    /**
     * Schedules the functions create invoke the published `live` alias, which has SnapStart and
     * the retry and dead-letter settings; `$LATEST` has neither.
     */
    @Test
    void schedulesCreatedAtRunTimeTargetTheLiveAlias() {
        assertEquals("live", TEMPLATE.functionGlobals().get("AutoPublishAlias"));
        List<String> targets = new ArrayList<>();
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            Object variables = SamTemplate.asMap(f.properties().getOrDefault("Environment", Map.of())).get("Variables");
            SamTemplate.asMap(variables == null ? Map.of() : variables).forEach((name, value) -> {
                if (name.endsWith("_FUNCTION_ARN")) {
                    targets.add(f.logicalId() + " " + name + " " + value);
                    assertTrue(Pattern.compile(":function:.+:live(?![\\w-])").matcher(String.valueOf(value))
                            .find(), f.logicalId() + " " + name + " names the live alias: " + value);
                }
            });
        }
        assertFalse(targets.isEmpty(), "the survey schedules' target is declared");
    }

    /**
     * A badge goes with its registration; the bucket's own expiry, counted from the badge's
     * creation, must come later than any registration lives (registered up to a year before its
     * fair, kept RetentionDaysAfterFair after it), or a badge would vanish while still linked.
     */
    @Test
    void theBucketNeverExpiresABadgeBeforeItsRegistration() {
        Map<String, Object> rules = SamTemplate.asMap(TEMPLATE.properties("BadgeBucket").get("LifecycleConfiguration"));
        Map<String, Object> badges = ((List<?>) rules.get("Rules")).stream().map(SamTemplate::asMap)
                .filter(rule -> "badges/".equals(rule.get("Prefix"))).findFirst().orElseThrow();
        Object expiry = badges.get("ExpirationInDays");
        String days = expiry instanceof Map<?, ?> ref
                ? TEMPLATE.parameterDefaults().get(String.valueOf(ref.get("Ref"))) : String.valueOf(expiry);
        int retention = Integer.parseInt(TEMPLATE.parameterDefaults().get("RetentionDaysAfterFair"));
        assertTrue(Integer.parseInt(days) > retention + 365, "badges expire after " + days + " days");
    }

    /**
     * Nothing fails in silence: each function's errors and throttles, each stream subscription's
     * lag, each queue's depth, the API's 5xx and latency and SES's reputation raise an alarm to
     * the operations topic, so a function, queue or stream added later cannot be forgotten.
     */
    @Test
    void everyFailureRaisesAnAlarmToTheOperationsTopic() throws Exception {
        String text = Files.readString(TEMPLATE.file());
        String outputs = text.substring(text.indexOf("\nOutputs:"));
        Set<String> alarmed = new HashSet<>();
        for (String alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = TEMPLATE.properties(alarm);
            assertEquals(List.of(Map.of("Ref", "OperationsAlarmTopic")), p.get("AlarmActions"), alarm + " notifies operations");
            Object dimensions = p.get("Dimensions");
            String target = dimensions == null ? "" : ((List<?>) dimensions).stream().map(SamTemplate::asMap)
                    .map(d -> String.valueOf(d.get("Value"))).findFirst().orElse("");
            alarmed.add(p.get("Namespace") + " " + p.get("MetricName") + " " + target);
        }
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            String ref = String.valueOf(Map.of("Ref", f.logicalId()));
            assertTrue(alarmed.contains("AWS/Lambda Errors " + ref), f.logicalId() + " errors");
            assertTrue(alarmed.contains("AWS/Lambda Throttles " + ref), f.logicalId() + " throttles");
            if (!f.streamSubscriptions().isEmpty()) {
                assertTrue(alarmed.contains("AWS/Lambda IteratorAge " + ref), f.logicalId() + " stream lag");
            }
        }
        for (String queue : TEMPLATE.resourcesOfType("AWS::SQS::Queue")) {
            String depth = "AWS/SQS ApproximateNumberOfMessagesVisible "
                    + Map.of("Fn::GetAtt", List.of(queue, "QueueName"));
            assertTrue(alarmed.contains(depth), queue + " depth: " + alarmed);
            assertTrue(outputs.contains("!Ref " + queue + "\n"), queue + " is named in the stack's outputs, for a replay");
        }
        String api = String.valueOf(Map.of("Ref", "HttpApi"));
        assertTrue(alarmed.contains("AWS/ApiGateway 5xx " + api) && alarmed.contains("AWS/ApiGateway Latency " + api));
        assertTrue(alarmed.contains("AWS/SES Reputation.BounceRate ") && alarmed.contains("AWS/SES Reputation.ComplaintRate "));
        assertEquals(List.of("OperationsDashboard"), TEMPLATE.resourcesOfType("AWS::CloudWatch::Dashboard"));
        assertTrue(TEMPLATE.parameterDefaults().containsKey("OpsEmail"), "operators subscribe through OpsEmail");
    }

    /**
     * Settings a deploy may change without a new function version are SSM parameters read at run
     * time: a *_PARAMETER variable is a !Ref to a declared parameter, the function may read exactly
     * the parameters it names (ssm:GetParameter, no path or wildcard), and no function gets a
     * setting's stack parameter as a plain variable, which the live alias would keep old.
     */
    @Test
    void runTimeSettingsAreParametersEachFunctionMayReadAndNoOther() {
        Set<String> parameters = new HashSet<>(TEMPLATE.resourcesOfType("AWS::SSM::Parameter"));
        assertTrue(parameters.size() >= 5, "PrivacyNoticeVersion, SenderEmail and the survey settings");
        Set<Object> settings = new HashSet<>();
        parameters.forEach(p -> settings.add(TEMPLATE.properties(p).get("Value")));
        Pattern grant = Pattern.compile("parameter\\$\\{([A-Za-z0-9]+)}");
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            Set<String> named = new TreeSet<>();
            f.environment().forEach((name, value) -> {
                assertFalse(settings.contains(value), f.logicalId() + ": " + name + " copies a run-time setting");
                if (name.endsWith("_PARAMETER")) {
                    Object ref = SamTemplate.asMap(value).get("Ref");
                    assertTrue(ref != null && parameters.contains(ref.toString()),
                            f.logicalId() + ": " + name + " is not a !Ref to a declared SSM parameter");
                    named.add(ref.toString());
                }
            });
            String policies = String.valueOf(f.properties().get("Policies"));
            Set<String> granted = new TreeSet<>();
            grant.matcher(policies).results().forEach(m -> granted.add(m.group(1)));
            assertEquals(named, granted, f.logicalId() + " may read exactly the parameters it names");
            assertFalse(policies.contains("ssm:*") || policies.contains("GetParametersByPath"), f.logicalId());
        }
    }

    /**
     * No secret in a function's configuration: a *_SECRET_ARN variable is a !Ref to a declared
     * secret, read at run time (so it can rotate), and the function may read exactly those secrets.
     */
    @Test
    void secretsAreReadAtRunTimeByExactlyTheFunctionsThatNameThem() {
        Set<String> secrets = new HashSet<>(TEMPLATE.resourcesOfType("AWS::SecretsManager::Secret"));
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            Set<String> named = new TreeSet<>();
            f.environment().forEach((name, value) -> {
                assertFalse(String.valueOf(value).contains("{{resolve:"), f.logicalId() + ": " + name
                        + " copies a secret into the configuration, readable by whoever reads the function");
                if (name.endsWith("_SECRET_ARN")) {
                    Object ref = SamTemplate.asMap(value).get("Ref");
                    assertTrue(ref != null && secrets.contains(ref.toString()), f.logicalId() + ": " + name);
                    named.add(ref.toString());
                }
            });
            String policies = String.valueOf(f.properties().get("Policies"));
            Set<String> granted = new TreeSet<>();
            for (String secret : secrets) {
                if (policies.contains(String.valueOf(Map.of("Ref", secret)))) {
                    granted.add(secret);
                }
            }
            assertEquals(named, granted, f.logicalId() + " may read exactly the secrets it names");
            assertFalse(policies.contains("secretsmanager:*"), f.logicalId());
        }
    }

    /**
     * Every function traced (X-Ray), and the functions behind public routes deployed gradually: a
     * canary on the live alias that their errors alarm rolls back.
     */
    @Test
    void publicFunctionsDeployAsACanaryRolledBackByTheirErrorsAlarmAndAllAreTraced() {
        assertEquals("Active", TEMPLATE.functionGlobals().get("Tracing"), "Tracing: Active in Globals");
        List<String> canaries = new ArrayList<>();
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            assertFalse(f.properties().containsKey("Tracing") && !"Active".equals(f.properties().get("Tracing")),
                    f.logicalId() + " turns tracing off");
            boolean isPublic = f.httpRoutes().stream().anyMatch(r -> r.authorizer() == null);
            if (!isPublic) {
                continue;
            }
            Object preference = f.properties().get("DeploymentPreference");
            assertTrue(preference != null, f.logicalId() + " serves public routes: it needs a DeploymentPreference");
            Map<String, Object> p = SamTemplate.asMap(preference);
            assertTrue(String.valueOf(p.get("Type")).startsWith("Canary"), f.logicalId() + ": a canary");
            String alarm = f.logicalId() + "ErrorsAlarm";
            assertTrue(TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").contains(alarm), alarm);
            assertEquals(List.of(Map.of("Ref", alarm)), p.get("Alarms"), f.logicalId() + " is rolled back by " + alarm);
            canaries.add(f.logicalId());
        }
        assertTrue(canaries.contains("RegistrationFunction"), "registration is public: " + canaries);
    }

    /**
     * {@code sam local invoke -n events/env-vars.json} gives each function every variable the
     * template declares, pointing at {@code ./run-local}'s stack: the committed file is up to date.
     */
    @Test
    void theSamLocalVariablesFileMatchesTheTemplate() throws Exception {
        String expected = SamLocalEnv.variables(TEMPLATE);
        String committed = Files.readString(ROOT.resolve("events/env-vars.json"));
        assertEquals(expected, committed, "events/env-vars.json is stale: run "
                + "java -cp \"$(scripts/classpath.sh tools/local-run)\" ma.salonsess.localrun.SamLocalEnv");
        JsonNode variables = Json.parse(committed);
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            for (String name : f.environment().keySet()) {
                if (!name.equals("JAVA_TOOL_OPTIONS")) {
                    assertTrue(variables.path(f.logicalId()).has(name), f.logicalId() + " " + name);
                }
            }
            assertTrue(variables.path(f.logicalId()).path("AWS_ENDPOINT_URL_DYNAMODB").asText()
                    .equals("http://host.docker.internal:8000"), "run-local's DynamoDB");
        }
    }

    /**
     * A stream's records expire after 24 hours and its dead-letter queue only points into it: every
     * stream-triggered function parks what a replay needs in a table of its own (parked records, or
     * the erasure retries), which keeps it for longer.
     */
    @Test
    void everyStreamFunctionParksWhatAReplayNeeds() {
        for (SamTemplate.FunctionDefinition f : TEMPLATE.functions()) {
            if (!f.streamSubscriptions().isEmpty()) {
                assertTrue(f.environment().containsKey("PARKED_RECORDS_TABLE")
                                || f.environment().containsKey("ERASURE_RETRIES_TABLE"),
                        f.logicalId() + " parks failed records where a replay finds them after 24 hours");
            }
        }
        Map<String, Object> ttl = SamTemplate.asMap(TEMPLATE.properties("ParkedRecordsTable")
                .get("TimeToLiveSpecification"));
        assertEquals(true, ttl.get("Enabled"), "parked records expire");
    }
}
