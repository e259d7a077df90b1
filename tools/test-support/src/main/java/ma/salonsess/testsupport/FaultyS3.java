package ma.salonsess.testsupport;

import java.util.function.BooleanSupplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 answering 500 to one operation when asked to: a fault the emulator cannot be made to produce. */
public final class FaultyS3 {
    private FaultyS3() {
    }

    /**
     * Every call whose method name starts with {@code operation} ({@code "listObjectVersions"} also catches
     * its paginator, which would otherwise reach the real client directly) fails while
     * {@code failNow} says so; every other call goes to {@code real}.
     */
    public static S3Client failingWhile(S3Client real, String operation, BooleanSupplier failNow) {
        return FaultyClient.failingWhile(S3Client.class, real, operation, failNow,
                () -> S3Exception.builder().statusCode(500).message("Internal server error")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build());
    }
}
