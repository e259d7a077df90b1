package ma.salonsess.shared.config;

import java.time.Clock;
import java.time.Duration;
import ma.salonsess.shared.checkin.CheckinRepository;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

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
    private final Clock clock;
    private ParameterStore parameters;
    private SecretStore secrets;

    /** With the DynamoDB client the environment describes. */
    public Wiring(Env env) {
        this(env, AwsClients.dynamoDb(env));
    }

    /** With a given DynamoDB client: tests pass one that fails on purpose. */
    public Wiring(Env env, DynamoDbClient dynamoDb) {
        this(env, dynamoDb, Clock.systemUTC());
    }

    /** With a clock for how long run-time settings and secrets are kept: tests pass one to see them change. */
    public Wiring(Env env, Clock clock) {
        this(env, AwsClients.dynamoDb(env), clock);
    }

    public Wiring(Env env, DynamoDbClient dynamoDb, Clock clock) {
        this.env = env;
        this.dynamoDb = dynamoDb;
        this.clock = clock;
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

    /** The policy as it stands at each registration: the privacy notice's version is a run-time setting. */
    public Supplier<RegistrationPolicy> registrationPolicy() {
        Supplier<String> noticeVersion = setting("PRIVACY_NOTICE_VERSION_PARAMETER");
        // Every registration records it: its first read runs beside the first request's DynamoDB work.
        parameters.prefetch(env.require("PRIVACY_NOTICE_VERSION_PARAMETER"));
        Duration retention = Duration.ofDays(env.intValue("RETENTION_DAYS_AFTER_FAIR", 365));
        return () -> new RegistrationPolicy(noticeVersion.get(), retention);
    }

    /**
     * A run-time setting: the variable names an SSM parameter, whose value is read when needed and
     * kept a minute ({@link ParameterStore}), so changing the parameter reaches the running alias.
     */
    public Supplier<String> setting(String variable) {
        String name = env.require(variable);
        if (parameters == null) {
            parameters = new ParameterStore(memoized(() -> AwsClients.configure(SsmClient.builder(), env, "SSM")
                    .build()), clock);
        }
        ParameterStore store = parameters;
        return () -> store.value(name);
    }

    /** A whole-number run-time setting. */
    public IntSupplier intSetting(String variable) {
        Supplier<String> value = setting(variable);
        return () -> Integer.parseInt(value.get().trim());
    }

    /**
     * A secret's current and previous values: the variable holds the secret's ARN, the values are
     * read from Secrets Manager when needed and kept a minute ({@link SecretStore}).
     */
    public Supplier<SecretVersions> secret(String variable) {
        String id = env.require(variable);
        if (secrets == null) {
            secrets = new SecretStore(memoized(() -> AwsClients.configure(SecretsManagerClient.builder(), env,
                    "SECRETS_MANAGER").build()), clock);
        }
        SecretStore store = secrets;
        return () -> store.versions(id);
    }

    /**
     * What a secret's values make (a token signer), made again only when the values change, so a
     * rotation reaches it within a minute without rebuilding it on every request.
     */
    public <T> Supplier<T> fromSecret(String variable, Function<SecretVersions, T> make) {
        Supplier<SecretVersions> versions = secret(variable);
        AtomicReference<Map.Entry<SecretVersions, T>> made = new AtomicReference<>();
        return () -> {
            SecretVersions now = versions.get();
            Map.Entry<SecretVersions, T> last = made.get();
            if (last != null && last.getKey().equals(now)) {
                return last.getValue();
            }
            T value = make.apply(now);
            made.set(Map.entry(now, value));
            return value;
        };
    }

    /** Built on first use, once: a function that never reads a setting never builds the client. */
    private static <T> Supplier<T> memoized(Supplier<T> make) {
        AtomicReference<T> built = new AtomicReference<>();
        return () -> {
            T value = built.get();
            if (value == null) {
                synchronized (built) {
                    value = built.get();
                    if (value == null) {
                        value = make.get();
                        built.set(value);
                    }
                }
            }
            return value;
        };
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
        return new Mailer(ses, setting("SENDER_EMAIL_PARAMETER"), env.require("SES_CONFIGURATION_SET"));
    }
}
