package ma.salonsess.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.digest.DigestTiming;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.log.Invocation;
import ma.salonsess.shared.log.Log;
import ma.salonsess.shared.snapstart.Priming;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The evening digest (EventBridge schedule): for each fair from a week before it opens until its
 * last day, in the fair's own time zone, the organisers get the day's figures; one and two weeks
 * after it, the final figures with the survey results.
 *
 * <p>Each fair's digest succeeds or fails on its own, once a day (see {@link DigestLedger}): a
 * fair that fails does not stop the others, and the run then fails so that Lambda retries it,
 * which sends that fair's digest and none of the others again.
 */
public final class DigestHandler implements RequestHandler<Map<String, Object>, String> {
    private final DigestSender sender;
    private final DigestLedger ledger;
    private final Clock clock;

    /** Some fairs' digests could not be sent; the others were, and a retry will not repeat them. */
    static final class DigestsFailed extends RuntimeException {
        DigestsFailed(List<String> fairIds, int sent) {
            super("Digests not sent for " + fairIds + " (" + sent + " others sent); a retry sends only these");
        }
    }

    public DigestHandler() {
        this(Env.system());
    }

    public DigestHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    DigestHandler(Env env, Clock clock) {
        this(env, DigestSender.ses(env), clock);
    }

    DigestHandler(Env env, SesV2Client ses, Clock clock) {
        Wiring wiring = new Wiring(env);
        this.sender = new DigestSender(wiring, ses, clock);
        this.ledger = new DigestLedger(wiring.dynamoDb(), wiring.table("FAIRS_TABLE"), clock);
        this.clock = clock;
        Priming.register("DigestFunction", this, DigestPriming::evening);
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run(context, "schedule digest", () -> handle(event, context));
    }

    private String handle(Map<String, Object> event, Context context) {
        int sent = 0;
        int alreadySent = 0;
        List<String> failed = new ArrayList<>();
        for (Fair fair : sender.fairs.all()) {
            LocalDate today = DigestTiming.today(fair, clock.instant());
            if (!DigestTiming.isDue(fair, today)) {
                continue;
            }
            switch (sendOnce(fair, today, context)) {
                case SENT -> sent++;
                case ALREADY_SENT -> alreadySent++;
                case FAILED -> failed.add(fair.fairId());
            }
        }
        if (!failed.isEmpty()) {
            throw new DigestsFailed(failed, sent);
        }
        return "digests sent: " + sent + ", already sent today: " + alreadySent;
    }

    private enum Result { SENT, ALREADY_SENT, FAILED }

    private Result sendOnce(Fair fair, LocalDate today, Context context) {
        try {
            if (!ledger.claim(fair.fairId(), today)) {
                return Result.ALREADY_SENT;
            }
        } catch (RuntimeException e) {
            log(context, "Digest of fair " + fair.fairId() + " for " + today + ": cannot claim it", e);
            return Result.FAILED;
        }
        try {
            sender.send(fair);
        } catch (DigestSender.SentButNotRecorded e) {
            // The email is out: counted as sent, so that no retry sends it again.
            log(context, "Digest of fair " + fair.fairId() + " sent, but its time was not recorded", e);
        } catch (RuntimeException e) {
            log(context, "Digest of fair " + fair.fairId() + " for " + today + " failed; a retry sends it", e);
            try {
                ledger.failed(fair.fairId(), today);
            } catch (RuntimeException release) {
                log(context, "Digest of fair " + fair.fairId() + ": claim not released (taken again after "
                        + DigestLedger.ABANDONED_AFTER + ")", release);
            }
            return Result.FAILED;
        }
        try {
            ledger.sent(fair.fairId(), today);
        } catch (RuntimeException e) {
            log(context, "Digest of fair " + fair.fairId() + " sent, but not marked so in the ledger", e);
        }
        return Result.SENT;
    }

    private static void log(Context context, String message, Throwable e) {
        Log.error(context, message, e);
    }
}
