package ma.salonsess.registration;

import java.net.URI;
import java.time.Duration;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Short-lived links to a registrant's badge in the private bucket. Signing happens here, with no
 * call to S3; whoever holds the link may fetch that one object until it expires.
 */
final class BadgeLinks {
    static final Duration VALIDITY = Duration.ofMinutes(15);
    private final S3Presigner presigner;
    private final String bucket;

    BadgeLinks(Env env) {
        this.presigner = AwsClients.s3Presigner(env);
        this.bucket = env.require("BADGE_BUCKET");
    }

    URI link(String key) {
        return URI.create(presigner.presignGetObject(b -> b.signatureDuration(VALIDITY)
                .getObjectRequest(g -> g.bucket(bucket).key(key).responseContentType("application/pdf")
                        .responseContentDisposition("inline; filename=\"badge.pdf\""))).url().toString());
    }
}
