package ma.salonsess.localaws;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;

/**
 * Creates a template's tables and buckets on a local stack, and tells what the template's
 * references stand for there: a table's {@code Ref} is its logical id, a bucket's its logical id
 * in lower case, and {@code StreamArn} the stream the local DynamoDB really made.
 */
public final class StackResources implements SamTemplate.Names {
    private static final String ACCOUNT = "000000000000";
    /** What {@code AWS::StackName} stands for here. */
    public static final String STACK_NAME = "salon-ess-local";
    private final SamTemplate template;
    private final AwsEndpoints endpoints;
    private final DynamoDbClient dynamoDb;
    private final Map<String, String> parameters;

    public StackResources(SamTemplate template, AwsEndpoints endpoints, DynamoDbClient dynamoDb,
                          Map<String, String> parameterOverrides) {
        this.template = template;
        this.endpoints = endpoints;
        this.dynamoDb = dynamoDb;
        Map<String, String> params = new LinkedHashMap<>(template.parameterDefaults());
        params.putAll(parameterOverrides);
        this.parameters = Map.copyOf(params);
    }

    /**
     * Creates every table, bucket, SSM parameter and secret the template declares, as it declares
     * them; idempotent.
     */
    public void create(S3Client s3) {
        createConfiguration();
        for (SamTemplate.TableDefinition table : template.tables()) {
            createTable(table);
        }
        for (String bucket : template.buckets()) {
            try {
                s3.createBucket(b -> b.bucket(bucketName(bucket)));
            } catch (BucketAlreadyOwnedByYouException exists) {
                // created by an earlier call
            }
            // Versioned as declared, so that deleting every version (law 09-08) is tested as on AWS.
            Object versioning = template.properties(bucket).get("VersioningConfiguration");
            if (versioning != null && "Enabled".equals(SamTemplate.asMap(versioning).get("Status"))) {
                s3.putBucketVersioning(b -> b.bucket(bucketName(bucket))
                        .versioningConfiguration(v -> v.status("Enabled")));
            }
        }
    }

    /**
     * The template's SSM parameters with their values, and its secrets with a value generated as
     * {@code GenerateSecretString} asks, on the local SSM and Secrets Manager.
     */
    private void createConfiguration() {
        try (SsmClient ssm = endpoints.ssmClient();
             SecretsManagerClient secrets = endpoints.secretsManagerClient()) {
            for (String parameter : template.resourcesOfType("AWS::SSM::Parameter")) {
                String value = template.resolve(template.properties(parameter).get("Value"), this);
                try {
                    ssm.putParameter(b -> b.name(ref(parameter)).value(value).type("String"));
                } catch (ParameterAlreadyExistsException exists) {
                    // created by an earlier call; a test may have changed it since
                }
            }
            for (String secret : template.resourcesOfType("AWS::SecretsManager::Secret")) {
                Map<String, Object> generate = SamTemplate.asMap(
                        template.properties(secret).getOrDefault("GenerateSecretString", Map.of()));
                int length = Integer.parseInt(String.valueOf(generate.getOrDefault("PasswordLength", 32)));
                try {
                    secrets.createSecret(b -> b.name(ref(secret)).secretString(randomSecret(length)));
                } catch (ResourceExistsException exists) {
                    // created by an earlier call
                }
            }
        }
    }

    /** Letters and digits, as {@code GenerateSecretString} with {@code ExcludePunctuation} makes. */
    private static String randomSecret(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private void createTable(SamTemplate.TableDefinition table) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> gsi : table.globalSecondaryIndexes()) {
            List<KeySchemaElement> keys = new ArrayList<>();
            for (Object k : (List<?>) gsi.get("KeySchema")) {
                Map<String, Object> key = SamTemplate.asMap(k);
                keys.add(KeySchemaElement.builder().attributeName(String.valueOf(key.get("AttributeName")))
                        .keyType(String.valueOf(key.get("KeyType"))).build());
            }
            Map<String, Object> projection = SamTemplate.asMap(gsi.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder().indexName(String.valueOf(gsi.get("IndexName")))
                    .keySchema(keys)
                    .projection(Projection.builder()
                            .projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")))
                            .nonKeyAttributes(((List<?>) projection.getOrDefault("NonKeyAttributes", List.of()))
                                    .stream().map(String::valueOf).toList())
                            .build())
                    .build());
        }
        try {
            dynamoDb.createTable(b -> {
                b.tableName(tableName(table.logicalId()))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(table.attributeTypes().entrySet().stream()
                                .map(e -> AttributeDefinition.builder().attributeName(e.getKey())
                                        .attributeType(e.getValue()).build()).toList())
                        .keySchema(table.keySchema().stream().map(k -> KeySchemaElement.builder()
                                .attributeName(k.get("AttributeName")).keyType(k.get("KeyType")).build()).toList());
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
                table.streamViewType().ifPresent(view -> b.streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType(StreamViewType.fromValue(view))));
            });
        } catch (ResourceInUseException exists) {
            return;
        }
        table.ttlAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(b -> b
                .tableName(tableName(table.logicalId()))
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
    }

    public String tableName(String logicalId) {
        return logicalId;
    }

    public String bucketName(String logicalId) {
        return logicalId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The configuration a function gets here: its template variables, resolved, and the endpoints. */
    public Env functionEnv(SamTemplate.FunctionDefinition function) {
        Map<String, String> variables = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> variables.put(name, localSecret(template.resolve(value, this))));
        variables.remove("JAVA_TOOL_OPTIONS");
        variables.putAll(endpoints.clientVariables());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        return Env.of(variables);
    }

    /**
     * A dynamic reference ({@code {{resolve:secretsmanager:...}}}) stands for a secret only AWS
     * holds; here it becomes a fixed local value of the same name, as long as any real one.
     */
    private static String localSecret(String value) {
        if (!value.startsWith("{{resolve:")) {
            return value;
        }
        return "local-not-a-secret-" + value.replaceAll("[^A-Za-z0-9]", "");
    }

    @Override
    public String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (name.equals("AWS::Region")) {
            return endpoints.region();
        }
        if (name.equals("AWS::AccountId")) {
            return ACCOUNT;
        }
        if (name.equals("AWS::Partition")) {
            return "aws";
        }
        if (name.equals("AWS::StackName")) {
            return STACK_NAME;
        }
        Object type = template.resource(name).get("Type");
        return switch (String.valueOf(type)) {
            case "AWS::DynamoDB::Table" -> tableName(name);
            case "AWS::S3::Bucket" -> bucketName(name);
            // Ref is the parameter's name; a secret's is its ARN on AWS, and the local Secrets Manager
            // takes its name wherever AWS takes the ARN.
            case "AWS::SSM::Parameter", "AWS::SecretsManager::Secret" -> {
                Object named = template.properties(name).get("Name");
                yield named == null ? name : template.resolve(named, this);
            }
            default -> name;
        };
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        Object type = template.resource(logicalId).get("Type");
        if ("AWS::DynamoDB::Table".equals(type)) {
            return switch (attribute) {
                case "Arn" -> "arn:aws:dynamodb:" + endpoints.region() + ":" + ACCOUNT + ":table/" + tableName(logicalId);
                case "StreamArn" -> streamArn(logicalId);
                default -> throw new IllegalArgumentException("Unknown attribute " + logicalId + "." + attribute);
            };
        }
        if ("AWS::S3::Bucket".equals(type) && attribute.equals("Arn")) {
            return "arn:aws:s3:::" + bucketName(logicalId);
        }
        return "arn:aws:local:" + endpoints.region() + ":" + ACCOUNT + ":" + logicalId;
    }

    /** A function's ARN here: its {@code FunctionName} if the template gives one, else its logical id. */
    public String functionArn(SamTemplate.FunctionDefinition function) {
        Object name = function.properties().get("FunctionName");
        return "arn:aws:lambda:" + endpoints.region() + ":" + ACCOUNT + ":function:"
                + (name == null ? function.logicalId() : template.resolve(name, this));
    }

    public String streamArn(String tableLogicalId) {
        String arn = dynamoDb.describeTable(b -> b.tableName(tableName(tableLogicalId))).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("Table " + tableLogicalId + " has no stream: declare a StreamSpecification");
        }
        return arn;
    }
}
