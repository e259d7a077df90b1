package ma.salonsess.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.salonsess.localaws.AwsEndpoints;
import ma.salonsess.localaws.AwsStack;
import ma.salonsess.localaws.Mailbox;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What a test gets from {@link LocalAwsExtension}: the running stack with the template's tables
 * and buckets, real SDK clients pointed at it, each function's configuration, and the mailbox.
 */
public final class LocalAws {
    private final AwsStack stack;
    private final SamTemplate template;
    private final StackResources resources;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SesV2Client ses;
    private final SsmClient ssm;
    private final SecretsManagerClient secrets;

    LocalAws(AwsStack stack, SamTemplate template) {
        this.stack = stack;
        this.template = template;
        AwsEndpoints endpoints = stack.endpoints();
        this.dynamoDb = endpoints.dynamoDbClient();
        this.s3 = endpoints.s3Client();
        this.ses = endpoints.sesClient();
        this.ssm = endpoints.ssmClient();
        this.secrets = endpoints.secretsManagerClient();
        this.resources = new StackResources(template, endpoints, dynamoDb, Map.of());
        resources.create(s3);
    }

    public AwsEndpoints endpoints() {
        return stack.endpoints();
    }

    public SamTemplate template() {
        return template;
    }

    public StackResources resources() {
        return resources;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public SesV2Client ses() {
        return ses;
    }

    /** The stack's SSM Parameter Store: the run-time settings, which a test may change. */
    public SsmClient ssm() {
        return ssm;
    }

    /** The stack's Secrets Manager: the token secrets, which a test may rotate. */
    public SecretsManagerClient secretsManager() {
        return secrets;
    }

    public Mailbox mailbox() {
        return stack.mailbox();
    }

    /** The configuration the template gives a function, resolved against this stack. */
    public Env functionEnv(String functionLogicalId) {
        return resources.functionEnv(template.function(functionLogicalId));
    }

    public String tableName(String logicalId) {
        return resources.tableName(logicalId);
    }

    /** Every item of one partition of a table: what a test looks at to see what was (not) written. */
    public List<Map<String, AttributeValue>> partition(String tableLogicalId, String keyName, String keyValue) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(tableName(tableLogicalId)).consistentRead(true)
                .keyConditionExpression("#k = :v")
                .expressionAttributeNames(Map.of("#k", keyName))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(keyValue))))
                .items().forEach(items::add);
        return items;
    }

    /** How many items a whole table holds (tables are small in tests). */
    public int count(String tableLogicalId) {
        return dynamoDb.scanPaginator(b -> b.tableName(tableName(tableLogicalId)).select("COUNT"))
                .stream().mapToInt(page -> page.count()).sum();
    }
}
