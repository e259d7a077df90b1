package ma.salonsess.checkin;

import static ma.salonsess.checkin.CheckinViews.batchAnswer;
import static ma.salonsess.checkin.CheckinViews.erased;
import static ma.salonsess.checkin.CheckinViews.problemJson;
import static ma.salonsess.checkin.CheckinViews.refusal;
import static ma.salonsess.checkin.CheckinViews.sighting;
import static ma.salonsess.checkin.CheckinViews.view;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import ma.salonsess.shared.auth.StaffAccess;
import ma.salonsess.shared.auth.StaffAccess.Power;
import ma.salonsess.shared.auth.StaffAccess.Standing;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.checkin.AttendeeSearch;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Checkins;
import ma.salonsess.shared.checkin.DoubleEntry;
import ma.salonsess.shared.checkin.ScanForm;
import ma.salonsess.shared.checkin.Tally;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.LocalizedTextJson;
import ma.salonsess.shared.time.Rfc3339;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;
import ma.salonsess.shared.workshop.Workshop;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fair day's routes for gate staff ({@link StaffAccess}): the scanner kit a device verifies
 * badges with offline, a scan and a batch of offline scans, a supervisor's search and manual
 * check-in, double entries, and anonymous tallies with the hall's occupancy.
 */
public final class CheckinHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String KIT = "GET /staff/fairs/{fairId}/scanner-kit";
    static final String CHECK_IN = "POST /staff/fairs/{fairId}/checkins";
    static final String BATCH = "POST /staff/fairs/{fairId}/checkins/batch";
    static final String SEARCH = "POST /staff/fairs/{fairId}/searches";
    static final String DOUBLE_ENTRIES = "GET /staff/fairs/{fairId}/double-entries";
    static final String RESOLVE = "POST /staff/fairs/{fairId}/double-entries/{scanId}/resolution";
    static final String TALLY = "POST /staff/fairs/{fairId}/tallies";
    static final String OCCUPANCY = "GET /staff/fairs/{fairId}/occupancy";
    /** Scans a device may send at once; more wait for the next batch. */
    public static final int MAX_BATCH = 500;
    /** 500 scans of about 300 bytes, with room to spare. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    static final int BATCH_PARALLELISM = 8;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final FairRepository fairs;
    private final CheckinRepository checkins;
    private final Checkins use;
    private final AttendeeSearch search;
    private final Supplier<BadgeToken> tokens;
    private final Clock clock;
    /** Scans of a batch handled at once, per container. */
    private final ExecutorService batchWorkers = Executors.newFixedThreadPool(BATCH_PARALLELISM, r -> {
        Thread t = new Thread(r, "batch-scan");
        t.setDaemon(true);
        return t;
    });
    private final Router router = new Router(Map.of(KIT, this::kit, CHECK_IN, this::checkIn, BATCH, this::batch,
            SEARCH, this::search, DOUBLE_ENTRIES, this::doubleEntries, RESOLVE, this::resolve, TALLY, this::tally,
            OCCUPANCY, this::occupancy));

    public CheckinHandler() {
        this(Env.system());
    }

    public CheckinHandler(Env env) {
        this(env, new Wiring(env).dynamoDb(), Clock.systemUTC());
    }

    /** With a given DynamoDB client and clock: tests pass a faulty client or a fair day's time. */
    public CheckinHandler(Env env, DynamoDbClient dynamoDb, Clock clock) {
        Wiring wiring = new Wiring(env, dynamoDb);
        this.fairs = wiring.fairs();
        this.checkins = wiring.checkins();
        this.tokens = wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new);
        this.clock = clock;
        this.use = new Checkins(wiring.registrations(), wiring.workshops(), wiring.signups(), checkins, tokens, clock,
                Duration.ofDays(env.intValue("RETENTION_DAYS_AFTER_FAIR", 365)));
        this.search = new AttendeeSearch(wiring.registrations(), checkins);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    /** The fair, when the caller may use a route needing {@code power} there; else 401/403/404. */
    private Staffed staffed(HttpRequest request, Power power) {
        StaffAccess.Staff staff = StaffAccess.caller(request);
        Fair fair = fairs.find(request.pathParameter("fairId"))
                .orElseThrow(() -> new ProblemException(Problems.fairNotFound(request)));
        return new Staffed(fair, staff, StaffAccess.require(request, staff, fair, power));
    }

    private record Staffed(Fair fair, StaffAccess.Staff staff, Standing standing) {
    }

    private HttpResponse kit(HttpRequest request) {
        Staffed s = staffed(request, Power.SCAN);
        Fair fair = s.fair();
        ObjectNode body = Json.object().put("fairId", fair.fairId());
        body.set("name", LocalizedTextJson.of(fair.name()));
        ArrayNode keys = body.putArray("publicKeys");
        tokens.get().publicKeys(fair.fairId()).forEach(k -> keys.addObject().put("keyId", k.keyId())
                .put("publicKey", k.publicKey()));
        ArrayNode revoked = body.putArray("revoked");
        checkins.revoked(fair.fairId(), clock.instant()).forEach(revoked::add);
        body.put("revokedFingerprint", BadgeToken.FINGERPRINT_RECIPE);
        List<Workshop> programme = use.programme(fair.fairId());
        ArrayNode points = body.putArray("points");
        points.addObject().put("id", Checkins.ENTRANCE);
        new LinkedHashSet<>(programme.stream().map(Workshop::room).toList())
                .forEach(room -> points.addObject().put("id", Checkins.ROOM_PREFIX + room));
        ArrayNode workshops = body.putArray("workshops");
        for (Workshop w : programme) {
            ObjectNode node = workshops.addObject().put("id", w.workshopId());
            node.set("title", LocalizedTextJson.of(w.title()));
            node.put("room", w.room()).put("startsAt", Rfc3339.format(w.startsAt()))
                    .put("endsAt", Rfc3339.format(w.endsAt())).put("capacity", w.capacity());
        }
        body.put("role", s.standing().code());
        body.put("generatedAt", Rfc3339.format(clock.instant()));
        return HttpResponse.json(200, body).withHeader("cache-control", "no-store");
    }

    private HttpResponse checkIn(HttpRequest request) {
        Staffed s = staffed(request, Power.SCAN);
        JsonNode body = JsonRequestBody.read(request);
        return switch (ScanForm.read(body, "", Optional.empty(), false, clock.instant())) {
            case ScanForm.Invalid invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
            case ScanForm.Valid valid -> {
                if (valid.request().registrationId().isPresent() && !s.standing().supervises()) {
                    throw StaffAccess.Refusal.SUPERVISORS_ONLY.problem(request);
                }
                Checkins.Outcome outcome = use.checkIn(s.fair(), valid.request());
                yield switch (outcome) {
                    case Checkins.Answered answered -> HttpResponse.json(200, view(answered.scan()));
                    case Checkins.Erased erased -> HttpResponse.json(200, erased(valid.request()));
                    case Checkins.Busy busy -> refusal(outcome, valid.request().scanId(), request.path()).toResponse()
                            .withHeader("retry-after", "1");
                    default -> refusal(outcome, valid.request().scanId(), request.path()).toResponse();
                };
            }
        };
    }

    private HttpResponse batch(HttpRequest request) {
        Staffed s = staffed(request, Power.SCAN);
        JsonNode body = JsonRequestBody.read(request, MAX_BATCH_BYTES);
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("deviceId", "scans"));
        Optional<String> device = form.text(body, "deviceId", "deviceId", true, 64);
        device.filter(d -> !DEVICE.matcher(d).matches()).ifPresent(d -> form.fail("deviceId", "invalid_format",
                "Use 1 to 64 letters, digits, dashes and underscores."));
        JsonNode scans = body.get("scans");
        if (scans == null || !scans.isArray() || scans.isEmpty() || scans.size() > MAX_BATCH) {
            form.fail("scans", scans == null ? "required" : "invalid_type",
                    "Must be a list of 1 to " + MAX_BATCH + " scans.");
        }
        if (form.hasErrors()) {
            return Problem.validation(form.errors()).at(request.path()).toResponse();
        }
        Instant now = clock.instant();
        // Scans of different badges are independent (each is decided by its own conditional writes), so
        // a few go at once: a batch of 500 takes a fraction of API Gateway's 30 s. Scans of the same
        // badge go one after the other, earliest first, so the first is ADMITTED and a repeat is
        // ALREADY_ADMITTED whatever the threads do.
        ObjectNode[] answers = new ObjectNode[scans.size()];
        Map<String, List<Runnable>> byBadge = new LinkedHashMap<>();
        Map<String, List<Instant>> times = new HashMap<>();
        for (int i = 0; i < scans.size(); i++) {
            JsonNode scan = scans.get(i);
            int at = i;
            switch (ScanForm.read(scan, "scans." + i + ".", device, true, now)) {
                case ScanForm.Invalid invalid -> {
                    ObjectNode item = Json.object();
                    ScanForm.scanIdOf(scan).ifPresent(id -> item.put("scanId", id));
                    item.set("problem", problemJson(Problem.validation(invalid.errors())));
                    answers[at] = item;
                }
                case ScanForm.Valid valid when valid.request().registrationId().isPresent()
                        && !s.standing().supervises() -> {
                    ObjectNode item = Json.object().put("scanId", valid.request().scanId());
                    item.set("problem", problemJson(Problems.forbidden(request, "Not allowed for this fair",
                            "Only this fair's supervisors and organisers check in by hand.")));
                    answers[at] = item;
                }
                case ScanForm.Valid valid -> {
                    Checkins.Request scanned = valid.request();
                    String badge = scanned.token().or(scanned::registrationId).orElse("");
                    List<Runnable> group = byBadge.computeIfAbsent(badge, b -> new ArrayList<>());
                    List<Instant> when = times.computeIfAbsent(badge, b -> new ArrayList<>());
                    // Kept in order of scanning (then of the batch): insert before the first later scan.
                    int place = 0;
                    while (place < when.size() && !when.get(place).isAfter(scanned.scannedAt())) {
                        place++;
                    }
                    when.add(place, scanned.scannedAt());
                    group.add(place, () -> answers[at] = batchAnswer(use.checkIn(s.fair(), scanned), scanned));
                }
            }
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        byBadge.values().forEach(group -> tasks.add(() -> {
            group.forEach(Runnable::run);
            return null;
        }));
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("results");
        try {
            for (Future<Void> done : batchWorkers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        for (ObjectNode item : answers) {
            results.add(item);
        }
        return HttpResponse.json(200, answer);
    }

    private HttpResponse search(HttpRequest request) {
        Staffed s = staffed(request, Power.SUPERVISE);
        JsonNode body = JsonRequestBody.read(request);
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("query"));
        Optional<String> query = form.text(body, "query", "query", true, 100);
        query.filter(q -> q.codePointCount(0, q.length()) < 2).ifPresent(q -> form.fail("query", "too_short",
                "At least 2 characters."));
        if (form.hasErrors()) {
            return Problem.validation(form.errors()).at(request.path()).toResponse();
        }
        ObjectNode answer = Json.object();
        ArrayNode matches = answer.putArray("matches");
        var today = clock.instant().atZone(s.fair().timeZone()).toLocalDate();
        for (AttendeeSearch.Match m : search.search(s.fair().fairId(), query.get(), today)) {
            var r = m.registration();
            ObjectNode node = matches.addObject().put("registrationId", r.registrationId())
                    .put("name", r.firstName() + " " + r.lastName());
            if (r.arabicName() != null) {
                node.put("arabicName", r.arabicName());
            }
            node.put("role", r.role().name());
            if (r.organisation() != null && r.organisation().name() != null) {
                node.put("organisation", r.organisation().name());
            }
            node.put("admittedToday", m.admittedToday());
        }
        return HttpResponse.json(200, answer).withHeader("cache-control", "no-store");
    }

    private HttpResponse doubleEntries(HttpRequest request) {
        Staffed s = staffed(request, Power.SUPERVISE);
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("doubleEntries");
        for (DoubleEntry d : checkins.doubleEntries(s.fair().fairId())) {
            ObjectNode node = list.addObject().put("scanId", d.scanId()).put("registrationId", d.registrationId());
            node.set("first", sighting(d.first()));
            node.set("second", sighting(d.second()));
            node.put("resolved", d.resolved());
            if (d.note() != null) {
                node.put("note", d.note());
            }
        }
        return HttpResponse.json(200, answer).withHeader("cache-control", "no-store");
    }

    private HttpResponse resolve(HttpRequest request) {
        Staffed s = staffed(request, Power.SUPERVISE);
        String scanId = request.pathParameter("scanId");
        if (!UUID.matcher(scanId).matches()) {
            return Problem.validation(List.of(new FieldError("scanId", "invalid_format",
                    "A scan id is a lower-case UUID."))).at(request.path()).toResponse();
        }
        JsonNode body = request.body() == null || request.body().isBlank() ? Json.object()
                : JsonRequestBody.read(request);
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("note"));
        Optional<String> note = form.text(body, "note", "note", false, 500);
        if (form.hasErrors()) {
            return Problem.validation(form.errors()).at(request.path()).toResponse();
        }
        if (!checkins.resolve(s.fair().fairId(), scanId, note.orElse(null), s.staff().subject(), clock.instant())) {
            return Problem.of(404, "double-entry-not-found", "No such double entry",
                    "This fair has no double entry with this scan id.").at(request.path()).toResponse();
        }
        return HttpResponse.noContent();
    }

    private HttpResponse tally(HttpRequest request) {
        Staffed s = staffed(request, Power.SCAN);
        JsonNode body = JsonRequestBody.read(request);
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("tallyId", "deviceId", "point", "entries", "exits", "countedAt"));
        Optional<String> tallyId = form.text(body, "tallyId", "tallyId", true, 36);
        tallyId.filter(id -> !UUID.matcher(id).matches()).ifPresent(id -> form.fail("tallyId", "invalid_format",
                "A tally id is a lower-case UUID the device makes for each batch of taps."));
        Optional<String> device = form.text(body, "deviceId", "deviceId", true, 64);
        device.filter(d -> !DEVICE.matcher(d).matches()).ifPresent(d -> form.fail("deviceId", "invalid_format",
                "Use 1 to 64 letters, digits, dashes and underscores."));
        Optional<String> point = form.text(body, "point", "point", true, 64);
        point.filter(p -> p.startsWith(Checkins.ROOM_PREFIX) || !ScanForm.validPoint(p))
                .ifPresent(p -> form.fail("point", "invalid_format",
                        "Use 'entrance' or a gate id (2 to 64 lower-case letters, digits and dashes)."));
        Optional<Integer> entries = form.integer(body, "entries", "entries", true, 0, 10_000);
        Optional<Integer> exits = form.integer(body, "exits", "exits", true, 0, 10_000);
        Optional<Instant> countedAt = form.parsed(body, "countedAt", "countedAt", true,
                text -> OffsetDateTime.parse(text).toInstant(), "an RFC 3339 time");
        if (form.hasErrors()) {
            return Problem.validation(form.errors()).at(request.path()).toResponse();
        }
        checkins.tally(new Tally(s.fair().fairId(), tallyId.get(), device.get(), point.get(), entries.get(),
                exits.get(), countedAt.get()), use.expiresAt(s.fair()));
        return HttpResponse.json(200, occupancyOf(s.fair(), false));
    }

    private HttpResponse occupancy(HttpRequest request) {
        Staffed s = staffed(request, Power.SCAN);
        return HttpResponse.json(200, occupancyOf(s.fair(), true)).withHeader("cache-control", "no-store");
    }

    private ObjectNode occupancyOf(Fair fair, boolean perPoint) {
        List<Tally.PointCount> counts = checkins.counts(fair.fairId());
        long inside = Math.max(0, counts.stream().mapToLong(c -> c.entries() - c.exits()).sum());
        ObjectNode body = Json.object().put("inside", inside);
        if (fair.hallCapacity() > 0) {
            body.put("capacity", fair.hallCapacity());
        } else {
            body.putNull("capacity");
        }
        if (perPoint) {
            ArrayNode points = body.putArray("perPoint");
            counts.forEach(c -> points.addObject().put("point", c.point()).put("entries", c.entries())
                    .put("exits", c.exits()));
        }
        return body;
    }
}
