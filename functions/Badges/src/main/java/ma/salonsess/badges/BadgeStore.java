package ma.salonsess.badges;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Badge PDFs in the private badge bucket. */
final class BadgeStore {
    private final S3Client s3;
    private final String bucket;

    BadgeStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Writes (or overwrites: one badge per registration) the badge at {@code key}. */
    void put(String key, byte[] pdf) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/pdf")
                .serverSideEncryption(ServerSideEncryption.AES256)
                .cacheControl("private, no-store"), RequestBody.fromBytes(pdf));
    }

    void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
