package ma.salonsess.testsupport;

import java.util.function.BooleanSupplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB answering 500 to one operation when asked to: a fault the emulator cannot be made to produce. */
public final class FaultyDynamoDb {
    private FaultyDynamoDb() {
    }

    /**
     * Every call whose method name starts with {@code operation} ({@code "query"} also catches
     * {@code queryPaginator}, which would otherwise reach the real client directly) fails while
     * {@code failNow} says so; every other call goes to {@code real}.
     */
    public static DynamoDbClient failingWhile(DynamoDbClient real, String operation, BooleanSupplier failNow) {
        return FaultyClient.failingWhile(DynamoDbClient.class, real, operation, failNow,
                () -> DynamoDbException.builder().statusCode(500).message("Internal server error")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build());
    }
}
