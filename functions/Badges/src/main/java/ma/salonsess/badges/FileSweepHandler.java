package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Invocation;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deletes print sheets ({@code sheets/}) and registration exports ({@code exports/}), every
 * version, once they are an hour old. They name registrants and their links work 15 minutes; the
 * bucket's lifecycle rules cannot act before the midnight (UTC) after a whole day, so up to 48
 * hours. Run hourly, this keeps each file under two hours; the rules stay as a backstop.
 */
public final class FileSweepHandler implements RequestHandler<Map<String, Object>, String> {
    static final List<String> PREFIXES = List.of("sheets/", "exports/");
    static final Duration KEEP = Duration.ofHours(1);
    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public FileSweepHandler() {
        this(Env.system());
    }

    public FileSweepHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** Tests pass a clock a day ahead to see files expire. */
    public FileSweepHandler(Env env, Clock clock) {
        this.s3 = AwsClients.s3(env);
        this.bucket = env.require("BADGE_BUCKET");
        this.clock = clock;
        Priming.register("FileSweepFunction", this, BadgesPriming::scheduled);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return Invocation.run(context, "schedule file-sweep", () -> handle(input, context));
    }

    private String handle(Map<String, Object> input, Context context) {
        Instant cutoff = clock.instant().minus(KEEP);
        int deleted = 0;
        for (String prefix : PREFIXES) {
            var pages = s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix));
            for (var version : pages.versions()) {
                if (version.lastModified().isBefore(cutoff)) {
                    s3.deleteObject(b -> b.bucket(bucket).key(version.key()).versionId(version.versionId()));
                    deleted++;
                }
            }
            for (var marker : pages.deleteMarkers()) {
                if (marker.lastModified().isBefore(cutoff)) {
                    s3.deleteObject(b -> b.bucket(bucket).key(marker.key()).versionId(marker.versionId()));
                }
            }
        }
        return "deleted " + deleted + " file version(s) older than " + KEEP.toMinutes() + " minutes";
    }
}
