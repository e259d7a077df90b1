package ma.salonsess.surveys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.survey.SendPace;
import ma.salonsess.shared.survey.SurveyDispatch;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.survey.SurveyRound;
import ma.salonsess.shared.survey.SurveySchedules;
import ma.salonsess.shared.survey.SurveyToken;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
        this(env, AwsClients.configure(SesV2Client.builder(), env, "SESV2").build(), Clock.systemUTC());
    }

    /** With a given SES client and clock: tests use one that fails, and a fair that has ended. */
    public SurveyDispatchHandler(Env env, SesV2Client ses, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        String fairsTable = env.require("FAIRS_TABLE");
        RegistrationRepository registrations = new RegistrationRepository(dynamoDb, env.require("REGISTRATIONS_TABLE"));
        this.dispatch = new SurveyDispatch(new FairRepository(dynamoDb, fairsTable), registrations,
                new SignupRepository(dynamoDb, env.require("SIGNUPS_TABLE"), new WorkshopRepository(dynamoDb, fairsTable),
                        registrations),
                new SurveyRepository(dynamoDb, env.require("SURVEYS_TABLE")),
                new SurveyToken(env.require("SURVEY_TOKEN_SECRET")), SurveySchedules.from(env),
                new SurveyMail(new Mailer(ses, env.require("SENDER_EMAIL"), env.require("SES_CONFIGURATION_SET"))),
                new SendPace(Double.parseDouble(env.optional("SURVEY_SEND_RATE").orElse("10"))), clock,
                new SurveyDispatch.Settings(Duration.ofDays(env.intValue("SURVEY_REMINDER_DAYS", 5)),
                        env.intValue("SURVEY_PAGE_SIZE", 100), env.require("PUBLIC_SITE_URL")));
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Object fairId = event.get("fairId");
        Object round = event.get("round");
        Object after = event.get("after");
        if (!(fairId instanceof String id) || !(round instanceof String r)) {
            throw new IllegalArgumentException("Expected {\"fairId\": ..., \"round\": INVITATIONS|REMINDERS}, got " + event.keySet());
        }
        var run = new SurveySchedules.Run(id, SurveyRound.valueOf(r),
                after instanceof String a ? Optional.of(a) : Optional.empty());
        var outcome = dispatch.run(run, () -> context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        return run.round() + " " + outcome.status() + ": sent " + outcome.sent() + ", already sent "
                + outcome.alreadySent() + ", not eligible " + outcome.notEligible() + ", refused " + outcome.failed();
    }
}
