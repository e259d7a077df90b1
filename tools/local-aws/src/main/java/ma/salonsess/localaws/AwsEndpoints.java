package ma.salonsess.localaws;

import java.net.URI;
import java.util.Map;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Where the local AWS services answer, and the (fake) credentials to sign requests with. The same
 * settings reach the functions as the SDK's standard variables, so they build their clients as on AWS.
 */
public record AwsEndpoints(URI dynamoDb, URI s3, URI ses, URI scheduler, String region, String accessKeyId,
                           String secretAccessKey) {

    /** The variables that point an SDK client at these endpoints. */
    public Map<String, String> clientVariables() {
        return Map.of(
                "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", accessKeyId,
                "AWS_SECRET_ACCESS_KEY", secretAccessKey,
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString(),
                "AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamoDb.toString(),
                "AWS_ENDPOINT_URL_S3", s3.toString(),
                "AWS_ENDPOINT_URL_SESV2", ses.toString(),
                "AWS_ENDPOINT_URL_SCHEDULER", scheduler.toString());
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

    public SesV2Client sesClient() {
        return AwsClients.configure(SesV2Client.builder(), env(), "SESV2").build();
    }
}
