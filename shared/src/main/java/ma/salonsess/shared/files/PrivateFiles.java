package ma.salonsess.shared.files;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A file made for one organiser (a print run, a large export): stored encrypted in a private
 * bucket under a key nobody can guess, and handed out as a short-lived signed link, so nothing
 * about registrants is ever public. The bucket's lifecycle rule deletes the file later.
 */
public final class PrivateFiles {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration validity;
    private final Clock clock;

    /** A stored file's link, and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    public PrivateFiles(S3Client s3, S3Presigner presigner, String bucket, Duration validity) {
        this(s3, presigner, bucket, validity, Clock.systemUTC());
    }

    PrivateFiles(S3Client s3, S3Presigner presigner, String bucket, Duration validity, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.validity = validity;
        this.clock = clock;
    }

    /** {@code folder/fairId/<random>.extension}: one fair's files under one prefix, each key unguessable. */
    public static String newKey(String folder, String fairId, String extension) {
        return folder + "/" + fairId + "/" + UUID.randomUUID() + "." + extension;
    }

    /**
     * Stores {@code body} under {@code key} and signs a link to it.
     *
     * @param downloadName the file name the browser saves it as; empty to let it show the file
     */
    public Link store(String key, String contentType, Optional<String> downloadName, RequestBody body) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256), body);
        String url = presigner.presignGetObject(b -> b.signatureDuration(validity)
                .getObjectRequest(g -> {
                    g.bucket(bucket).key(key).responseContentType(contentType);
                    downloadName.ifPresent(name ->
                            g.responseContentDisposition("attachment; filename=\"" + name + "\""));
                })).url().toString();
        return new Link(url, clock.instant().plus(validity));
    }
}
