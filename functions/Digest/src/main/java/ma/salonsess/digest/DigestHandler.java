package ma.salonsess.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.fair.Fair;

/**
 * The evening digest (EventBridge schedule): for each fair from a week before it opens until its
 * last day, in the fair's own time zone, the organisers get the day's figures; one and two weeks
 * after it, the final figures with the survey results.
 */
public final class DigestHandler implements RequestHandler<Map<String, Object>, String> {
    private final DigestSender sender;
    private final Clock clock;

    public DigestHandler() {
        this(Env.system());
    }

    public DigestHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    DigestHandler(Env env, Clock clock) {
        this.sender = new DigestSender(env, DigestSender.ses(env), clock);
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int sent = 0;
        for (Fair fair : sender.fairs.all()) {
            LocalDate today = clock.instant().atZone(fair.timeZone()).toLocalDate();
            long daysAfter = java.time.temporal.ChronoUnit.DAYS.between(fair.endDate(), today);
            boolean running = !today.isBefore(fair.startDate().minusDays(7)) && !today.isAfter(fair.endDate());
            // A week and two weeks after the end: the final figures, and the survey's answers.
            if (running || daysAfter == 7 || daysAfter == 14) {
                sender.send(fair);
                sent++;
            }
        }
        return "digests sent: " + sent;
    }
}
