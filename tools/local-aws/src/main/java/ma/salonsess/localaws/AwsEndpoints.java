package ma.salonsess.localaws;

import java.net.URI;
import java.util.Map;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where the local AWS services answer, and the (fake) credentials to sign requests with. The same
 * settings reach the functions as the SDK's standard variables, so they build their clients as on AWS.
 */
public record AwsEndpoints(URI dynamoDb, URI s3, URI ses, URI scheduler, String region, String accessKeyId,
                           String secretAccessKey, URI ssm, URI secretsManager) {

    /** The variables that point an SDK client at these endpoints. */
    public Map<String, String> clientVariables() {
        return Map.ofEntries(
                Map.entry("AWS_REGION", region),
                Map.entry("AWS_ACCESS_KEY_ID", accessKeyId),
                Map.entry("AWS_SECRET_ACCESS_KEY", secretAccessKey),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString()),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamoDb.toString()),
                Map.entry("AWS_ENDPOINT_URL_S3", s3.toString()),
                Map.entry("AWS_ENDPOINT_URL_SESV2", ses.toString()),
                Map.entry("AWS_ENDPOINT_URL_SCHEDULER", scheduler.toString()),
                Map.entry("AWS_ENDPOINT_URL_SSM", ssm.toString()),
                Map.entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.toString()));
    }

    public Env env() {
        return Env.of(clientVariables());
    }

    public DynamoDbClient dynamoDbClient() {
        return AwsClients.dynamoDb(env());
    }

    public DynamoDbStreamsClient streamsClient() {
        return AwsClients.configure(DynamoDbStreamsClient.builder(), env(), "DYNAMODB_STREAMS").build();
    }

    public S3Client s3Client() {
        return AwsClients.s3(env());
    }

    public SchedulerClient schedulerClient() {
        return AwsClients.configure(SchedulerClient.builder(), env(), "SCHEDULER").build();
    }

    public SsmClient ssmClient() {
        return AwsClients.configure(SsmClient.builder(), env(), "SSM").build();
    }

    public SecretsManagerClient secretsManagerClient() {
        return AwsClients.configure(SecretsManagerClient.builder(), env(), "SECRETS_MANAGER").build();
    }

    public SesV2Client sesClient() {
        return AwsClients.configure(SesV2Client.builder(), env(), "SESV2").build();
    }
}
