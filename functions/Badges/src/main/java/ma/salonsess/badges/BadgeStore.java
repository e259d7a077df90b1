package ma.salonsess.badges;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Deletes the badge at {@code key} with every earlier version and delete marker: the bucket is
     * versioned, and a plain delete would only hide the badges behind a marker (law 09-08).
     */
    void delete(String key) {
        List<String> versionIds = new ArrayList<>();
        var pages = s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key));
        pages.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> versionIds.add(v.versionId()));
        pages.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> versionIds.add(m.versionId()));
        // By version only: a plain delete of nothing would itself leave a delete marker behind.
        // (An object written before versioning was enabled is listed with version id "null".)
        for (String versionId : versionIds) {
            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        }
    }
}
