package ma.salonsess.shared.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import ma.salonsess.shared.snapstart.Priming;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds SDK clients once per container from {@link Env}. Endpoints follow the SDK's own
 * variable names (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SESV2 or
 * AWS_ENDPOINT_URL), so pointing a function at an emulator is configuration, not code.
 */
public final class AwsClients {
    private static final String DEFAULT_REGION = "eu-west-3";

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Env env) {
        return configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
    }

    public static SesV2Client ses(Env env) {
        return configure(SesV2Client.builder(), env, "SESV2").build();
    }

    /** An S3 client; path-style addressing when pointed at an emulator (one host name, no bucket.host). */
    public static S3Client s3(Env env) {
        return configure(S3Client.builder(), env, "S3")
                .forcePathStyle(endpoint(env, "S3").isPresent()).build();
    }

    /** Signs short-lived links to private objects, with no call to S3. */
    public static S3Presigner s3Presigner(Env env) {
        var endpoint = endpoint(env, "S3");
        var builder = S3Presigner.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(endpoint.isPresent()).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Applies region, credentials, endpoint and the URLConnection HTTP client (the lightest to
     * start) to any SDK client builder.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Env env, String serviceEndpointSuffix) {
        builder.region(region(env))
                .credentialsProvider(credentials(env))
                // Priming.httpClient: SnapStart's priming answers its own calls, nothing leaves the process.
                .httpClient(Priming.httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build(), serviceEndpointSuffix.equals("S3")));
        endpoint(env, serviceEndpointSuffix).ifPresent(builder::endpointOverride);
        return builder;
    }

    public static Region region(Env env) {
        return Region.of(env.optional("AWS_REGION").orElse(DEFAULT_REGION));
    }

    /** The endpoint configured for a service, if any (an emulator's, locally). */
    public static Optional<URI> endpoint(Env env, String serviceEndpointSuffix) {
        return env.optional("AWS_ENDPOINT_URL_" + serviceEndpointSuffix)
                .or(() -> env.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    public static AwsCredentialsProvider credentials(Env env) {
        var keyId = env.optional("AWS_ACCESS_KEY_ID");
        var secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            var token = env.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        // With SnapStart, Lambda hands credentials through the container provider, not variables.
        return DefaultCredentialsProvider.builder().build();
    }
}
