package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.BadgeRenderer;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.dynamo.TableKeys;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.stream.ParkedRecords;
import ma.salonsess.shared.stream.StreamBatch;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Renders badges from the registrations table's stream: for a new registration, or a change to
 * what its badge shows, it renders the PDF from the registration as it is now, stores it under
 * the registration's one key (a replayed record overwrites the same badge) and records it READY.
 * An erased registration's badge is deleted, every version; if that fails, the ids are parked for
 * {@link BadgeErasureReplayHandler} first. A record that fails stops the batch and is reported, so
 * Lambda retries from it on ({@link StreamBatch}); after the retries it goes to the dead-letter queue.
 */
public final class BadgeHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** What a badge shows: a change to anything else (such as the badge state itself) renders nothing. */
    private static final List<String> SHOWN = List.of("firstName", "lastName", "arabicName", "role", "language",
            "organisation");

    private final ParkedRecords parked;
    private final RegistrationRepository registrations;
    private final FairRepository fairs;
    private final BadgeStore store;
    private final Supplier<BadgeToken> tokens;
    private final BadgeRenderer renderer;
    private final Erasures erasures;
    private final Clock clock = Clock.systemUTC();

    public BadgeHandler() {
        this(Env.system());
    }

    public BadgeHandler(Env env) {
        this(env, AwsClients.s3(env));
    }

    /** With a given S3 client: tests pass one that fails on purpose. */
    public BadgeHandler(Env env, S3Client s3) {
        Wiring wiring = new Wiring(env);
        this.registrations = wiring.registrations();
        this.fairs = wiring.fairs();
        this.store = new BadgeStore(s3, env.require("BADGE_BUCKET"));
        this.tokens = wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new);
        this.renderer = new BadgeRenderer(new BadgeFonts());
        this.erasures = BadgeErasure.erasures(wiring, store, tokens);
        Priming.register("BadgesFunction", () -> BadgesPriming.badge(this, renderer), Priming.Answers.NONE);
        // Keys and event name only: a replay renders what the registration says then.
        this.parked = new ParkedRecords(wiring.dynamoDb(), wiring.table("PARKED_RECORDS_TABLE"), "badges", Set.of());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (StreamBatch.isReplayCommand(event)) {
            return StreamBatch.replay(parked, context, record -> handle(record, true));
        }
        return StreamBatch.eachRecord(event, context, record -> handle(record, false), parked);
    }

    private void handle(DynamodbEvent.DynamodbStreamRecord record, boolean replay) {
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        Optional<TableKeys.RegistrationKey> item = TableKeys.registration(keys.get("fairId").getS(),
                keys.get("sk").getS());
        if (item.isEmpty()) {
            return; // email claims carry no badge
        }
        String fairId = item.get().fairId();
        String registrationId = item.get().registrationId();
        BadgeToken tokens = this.tokens.get();
        String key = tokens.objectKey(fairId, registrationId);
        if ("REMOVE".equals(record.getEventName())) {
            erasures.erase(fairId, registrationId); // erased registration: its badge goes too (law 09-08)
            return;
        }
        if (!replay && "MODIFY".equals(record.getEventName())
                && !changesWhatIsShown(record.getDynamodb().getOldImage(), record.getDynamodb().getNewImage())) {
            return;
        }
        // Render what the registration says now, not what this (possibly old, replayed) record said.
        Optional<Registration> registration = registrations.find(fairId, registrationId);
        if (registration.isEmpty()) {
            store.delete(key);
            return;
        }
        Registration r = registration.get();
        if (r.badge().status() == BadgeState.Status.READY && r.badge().version() >= r.version()
                && key.equals(r.badge().key())) {
            return; // already rendered for this version: a replay
        }
        Fair fair = fairs.find(fairId).orElseThrow(() -> new IllegalStateException("No fair " + fairId));
        store.put(key, renderer.render(BadgeContent.of(fair, r, tokens.issue(fairId, registrationId, r.role()))));
        Metrics.count(fairId, Metrics.BADGES_RENDERED);
        if (!registrations.markBadgeReady(fairId, registrationId, BadgeState.ready(key, r.version(), clock.instant()))
                && registrations.find(fairId, registrationId).isEmpty()) {
            store.delete(key); // erased while we rendered
        }
    }

    private static boolean changesWhatIsShown(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (before == null || after == null) {
            return true;
        }
        for (String attribute : SHOWN) {
            if (!Objects.equals(before.get(attribute), after.get(attribute))) {
                return true;
            }
        }
        return false;
    }
}
