package ma.salonsess.surveys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Invocation;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.survey.SendPace;
import ma.salonsess.shared.survey.SurveyDispatch;
import ma.salonsess.shared.survey.SurveyRound;
import ma.salonsess.shared.survey.SurveySchedules;
import ma.salonsess.shared.survey.SurveyToken;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The survey dispatch, started by a one-time EventBridge Scheduler schedule (a fair's end plus
 * the delay, the reminder, an organiser's request, or its own continuation) with
 * {@code {"fairId", "round", "after"}}. A failure is thrown: Lambda retries the asynchronous
 * invocation, then hands it to the dead-letter queue.
 */
public final class SurveyDispatchHandler implements RequestHandler<Map<String, Object>, String> {
    /** Time kept in hand when deciding whether another page fits: a page of 100 at 10/s takes 10 s. */
    static final long MARGIN_MILLIS = 120_000;
    private final SurveyDispatch dispatch;

    public SurveyDispatchHandler() {
        this(Env.system());
    }

    public SurveyDispatchHandler(Env env) {
        this(env, AwsClients.ses(env), Clock.systemUTC());
    }

    /** With a given SES client and clock: tests use one that fails, and a fair that has ended. */
    public SurveyDispatchHandler(Env env, SesV2Client ses, Clock clock) {
        Wiring wiring = new Wiring(env, clock);
        IntSupplier reminderDays = wiring.intSetting("SURVEY_REMINDER_DAYS_PARAMETER");
        Supplier<String> sendRate = wiring.setting("SURVEY_SEND_RATE_PARAMETER");
        int pageSize = env.intValue("SURVEY_PAGE_SIZE", 100);
        String site = env.require("PUBLIC_SITE_URL");
        this.dispatch = new SurveyDispatch(wiring.fairs(), wiring.registrations(), wiring.signups(),
                wiring.checkins(), wiring.surveys(),
                new SurveyToken(wiring.secret("SURVEY_TOKEN_SECRET_ARN")), wiring.surveySchedules(),
                new SurveyMail(wiring.mailer(ses)),
                new SendPace(() -> Double.parseDouble(sendRate.get().trim())), clock,
                () -> new SurveyDispatch.Settings(Duration.ofDays(reminderDays.getAsInt()), pageSize, site));
        Priming.register("SurveyDispatchFunction", this, SurveysPriming::dispatch);
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run(context, "schedule survey-dispatch", event.get("fairId") instanceof String f ? f : null,
                () -> handle(event, context), String::valueOf);
    }

    private String handle(Map<String, Object> event, Context context) {
        Object fairId = event.get("fairId");
        Object round = event.get("round");
        Object after = event.get("after");
        if (!(fairId instanceof String id) || !(round instanceof String r)) {
            throw new IllegalArgumentException("Expected {\"fairId\": ..., \"round\": INVITATIONS|REMINDERS}, got " + event.keySet());
        }
        var run = new SurveySchedules.Run(id, SurveyRound.valueOf(r),
                after instanceof String a ? Optional.of(a) : Optional.empty());
        var outcome = dispatch.run(run, () -> context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        Metrics.counts(id, Map.of(Metrics.EMAILS_SENT, (long) outcome.sent(), Metrics.EMAILS_FAILED,
                (long) outcome.failed()));
        return run.round() + " " + outcome.status() + ": sent " + outcome.sent() + ", already sent "
                + outcome.alreadySent() + ", not eligible " + outcome.notEligible() + ", refused " + outcome.failed();
    }
}
