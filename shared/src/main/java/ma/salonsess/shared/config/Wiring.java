package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.idempotency.IdempotencyStore;
import ma.salonsess.shared.registration.AccessLinkRepository;
import ma.salonsess.shared.registration.RegistrationPolicy;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.survey.SurveySchedules;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds what a function needs from its {@link Env}: a handler's constructor (run once per
 * container) asks for the repositories it uses instead of repeating table names, and each
 * repository is built once, shared by the use cases that need it. Not thread-safe: it is meant
 * for constructors only.
 *
 * <p>A variable is read only when something needing it is asked for, so a function reads no more
 * configuration than it uses, and the template need declare no more (TemplateAgreementTest).
 */
public final class Wiring {
    private final Env env;
    private final DynamoDbClient dynamoDb;
    private FairRepository fairs;
    private WorkshopRepository workshops;
    private RegistrationRepository registrations;
    private SignupRepository signups;
    private SurveyRepository surveys;
    private AccessLinkRepository accessLinks;
    private ErasureRetries erasureRetries;
    private CheckinRepository checkins;

    /** With the DynamoDB client the environment describes. */
    public Wiring(Env env) {
        this(env, AwsClients.dynamoDb(env));
    }

    /** With a given DynamoDB client: tests pass one that fails on purpose. */
    public Wiring(Env env, DynamoDbClient dynamoDb) {
        this.env = env;
        this.dynamoDb = dynamoDb;
    }

    public Env env() {
        return env;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A table's name, for a function's own store (a ledger) that shared code does not know. */
    public String table(String variable) {
        return env.require(variable);
    }

    public FairRepository fairs() {
        if (fairs == null) {
            fairs = new FairRepository(dynamoDb, env.require("FAIRS_TABLE"));
        }
        return fairs;
    }

    /** Workshops live in the fairs table, under their fair. */
    public WorkshopRepository workshops() {
        if (workshops == null) {
            workshops = new WorkshopRepository(dynamoDb, env.require("FAIRS_TABLE"));
        }
        return workshops;
    }

    public RegistrationRepository registrations() {
        if (registrations == null) {
            registrations = new RegistrationRepository(dynamoDb, env.require("REGISTRATIONS_TABLE"));
        }
        return registrations;
    }

    public SignupRepository signups() {
        if (signups == null) {
            signups = new SignupRepository(dynamoDb, env.require("SIGNUPS_TABLE"), workshops(), registrations());
        }
        return signups;
    }

    public SurveyRepository surveys() {
        if (surveys == null) {
            surveys = new SurveyRepository(dynamoDb, env.require("SURVEYS_TABLE"));
        }
        return surveys;
    }

    public AccessLinkRepository accessLinks() {
        if (accessLinks == null) {
            accessLinks = new AccessLinkRepository(dynamoDb, env.require("ACCESS_LINKS_TABLE"));
        }
        return accessLinks;
    }

    public ErasureRetries erasureRetries() {
        if (erasureRetries == null) {
            erasureRetries = new ErasureRetries(dynamoDb, env.require("ERASURE_RETRIES_TABLE"));
        }
        return erasureRetries;
    }

    /** The fair day's scans, entries, seats and counts, in their own table. */
    public CheckinRepository checkins() {
        if (checkins == null) {
            checkins = new CheckinRepository(dynamoDb, env.require("CHECKINS_TABLE"));
        }
        return checkins;
    }

    /** The idempotency records, expiring by {@code clock} (tests pass one to see records expire). */
    public IdempotencyStore idempotency(Clock clock) {
        return new IdempotencyStore(dynamoDb, env.require("IDEMPOTENCY_TABLE"), clock);
    }

    public RegistrationPolicy registrationPolicy() {
        return new RegistrationPolicy(env.require("PRIVACY_NOTICE_VERSION"),
                Duration.ofDays(env.intValue("RETENTION_DAYS_AFTER_FAIR", 365)));
    }

    /** The survey schedules, with their own Scheduler client. */
    public SurveySchedules surveySchedules() {
        return new SurveySchedules(AwsClients.configure(SchedulerClient.builder(), env, "SCHEDULER").build(),
                env.require("SURVEY_SCHEDULE_GROUP"), env.require("SURVEY_DISPATCH_FUNCTION_ARN"),
                env.require("SURVEY_SCHEDULER_ROLE_ARN"), env.require("SURVEY_DEAD_LETTER_QUEUE_ARN"));
    }

    /** The public web site's address, without a trailing slash, for links in emails. */
    public String publicSite() {
        return env.require("PUBLIC_SITE_URL").replaceAll("/+$", "");
    }

    /** An SES client as the environment describes it. */
    public SesV2Client ses() {
        return AwsClients.ses(env);
    }

    /** Sends through {@code ses} from the configured sender, in the configured configuration set. */
    public Mailer mailer(SesV2Client ses) {
        return new Mailer(ses, env.require("SENDER_EMAIL"), env.require("SES_CONFIGURATION_SET"));
    }
}
