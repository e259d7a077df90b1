package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Invocation;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deletes the badges of erased registrations whose deletion failed and was parked (hourly, or
 * invoked by hand). It fails while any is still pending afterwards, which raises the alarm.
 */
public final class BadgeErasureReplayHandler implements RequestHandler<Map<String, Object>, String> {
    private final Erasures erasures;

    public BadgeErasureReplayHandler() {
        this(Env.system());
    }

    public BadgeErasureReplayHandler(Env env) {
        this(env, AwsClients.s3(env));
    }

    /** With a given S3 client: tests pass one that fails on purpose. */
    public BadgeErasureReplayHandler(Env env, S3Client s3) {
        Wiring wiring = new Wiring(env);
        this.erasures = BadgeErasure.erasures(wiring, new BadgeStore(s3, env.require("BADGE_BUCKET")),
                wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new));
        Priming.register("BadgeErasureReplayFunction", this, BadgesPriming::scheduled);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return Invocation.run(context, "schedule badge-erasure-replay", () -> handle(input, context));
    }

    private String handle(Map<String, Object> input, Context context) {
        Erasures.Replayed replayed = erasures.replay();
        if (!replayed.stillPending().isEmpty()) {
            throw new IllegalStateException(replayed.stillPending().size() + " badge erasure(s) still pending after "
                    + replayed.completed() + " completed; they stay in the retries table");
        }
        return "completed " + replayed.completed() + " badge erasure(s); none pending";
    }
}
