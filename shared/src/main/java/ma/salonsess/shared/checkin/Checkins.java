package ma.salonsess.shared.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * Checking a badge in at the entrance or a workshop door: verify the code, answer a scan sent
 * again as the first time, admit once a day (the earlier scan stands), seat within the room's
 * capacity, keep double entries. Reads the signups and the waiting list only through their
 * repositories' public reads, and writes seats only in the check-ins table: a seat in the room
 * is not a booking, so the sign-ups' own counts are left as they are.
 */
public final class Checkins {
    public static final String ENTRANCE = "entrance";
    public static final String ROOM_PREFIX = "room:";
    /** The programme read for door scans, kept this long per container. */
    private static final Duration PROGRAMME_FRESH = Duration.ofSeconds(30);
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;
    private final SignupRepository signups;
    private final CheckinRepository checkins;
    /** Read at run time: the badge secret rotates, and both its values verify meanwhile. */
    private final Supplier<BadgeToken> tokens;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, Programme> programmes = new ConcurrentHashMap<>();

    private record Programme(Instant readAt, List<Workshop> workshops) {
    }

    /**
     * A scan as a device sends it.
     *
     * @param token          the badge's code, or empty for a supervisor's manual check-in
     * @param registrationId for a manual check-in (supervisors only: the handler checks)
     * @param offline        made while the device was offline (sent in a batch): it let the person in
     */
    public record Request(Optional<String> token, Optional<String> registrationId, String point, String scanId,
                          Instant scannedAt, String deviceId, boolean walkIn, boolean offline) {
    }

    /** How a check-in went. */
    public sealed interface Outcome permits Answered, Unknown, Erased, RoomFull, NotStarted, NoWorkshop, Busy {
    }

    /** A stored answer (this scan's, or the same scan's from before). */
    public record Answered(Scan scan) implements Outcome {
    }

    /** Not a genuine badge of this fair (forged, altered, another fair's, unreadable). Nothing written. */
    public record Unknown() implements Outcome {
    }

    /** A genuine badge whose registration no longer exists. Nothing written. */
    public record Erased(String registrationId) implements Outcome {
    }

    /** The room holds its capacity: nobody more is counted in. Nothing written. */
    public record RoomFull(Workshop workshop) implements Outcome {
    }

    /** A walk-in before the workshop's start. Nothing written. */
    public record NotStarted(Workshop workshop) implements Outcome {
    }

    /** A room with no workshop running or about to start, or no such workshop. Nothing written. */
    public record NoWorkshop(String point) implements Outcome {
    }

    /** Too many at one door in the same moment. Nothing written; the device sends it again. */
    public record Busy() implements Outcome {
    }

    public Checkins(RegistrationRepository registrations, WorkshopRepository workshops, SignupRepository signups,
                    CheckinRepository checkins, Supplier<BadgeToken> tokens, Clock clock, Duration retention) {
        this.registrations = registrations;
        this.workshops = workshops;
        this.signups = signups;
        this.checkins = checkins;
        this.tokens = tokens;
        this.clock = clock;
        this.retention = retention;
    }

    public Outcome checkIn(Fair fair, Request request) {
        Optional<String> holder = request.token().isPresent()
                ? tokens.get().verify(fair.fairId(), request.token().get()).map(BadgeToken.Holder::registrationId)
                : request.registrationId();
        if (holder.isEmpty()) {
            return new Unknown();
        }
        String registrationId = holder.get();
        Optional<Scan> before = checkins.scan(fair.fairId(), registrationId, request.scanId());
        if (before.isPresent()) {
            return new Answered(before.get());
        }
        Optional<Registration> registration = registrations.find(fair.fairId(), registrationId);
        if (registration.isEmpty()) {
            return new Erased(registrationId);
        }
        String point = request.point();
        Optional<Workshop> workshop;
        if (point.startsWith(ROOM_PREFIX)) {
            workshop = Door.workshopIn(programme(fair.fairId()), point.substring(ROOM_PREFIX.length()),
                    request.scannedAt());
            if (workshop.isEmpty()) {
                return new NoWorkshop(point);
            }
        } else {
            workshop = ENTRANCE.equals(point) ? Optional.empty()
                    : programme(fair.fairId()).stream().filter(w -> w.workshopId().equals(point)).findFirst();
        }
        Outcome outcome = workshop.isPresent()
                ? atDoor(fair, registrationId, request, workshop.get())
                : atEntrance(fair, registrationId, request);
        if (outcome instanceof Answered answered && !checkins.recordScan(answered.scan(), expiresAt(fair))) {
            // The same scan, racing this one, was stored first: its answer stands.
            return new Answered(checkins.scan(fair.fairId(), registrationId, request.scanId()).orElseThrow());
        }
        return outcome;
    }

    private Outcome atEntrance(Fair fair, String registrationId, Request request) {
        LocalDate day = request.scannedAt().atZone(fair.timeZone()).toLocalDate();
        Entry entry = new Entry(fair.fairId(), registrationId, day, request.scanId(), request.scannedAt(),
                request.point(), request.deviceId());
        Scan admitted = scan(fair, registrationId, request, null, CheckinResult.ADMITTED);
        return switch (checkins.claimEntry(entry, expiresAt(fair))) {
            case CheckinRepository.Admitted a -> new Answered(admitted);
            case CheckinRepository.Earlier earlier -> {
                boolean conflict = Door.doubleEntry(request.offline(), earlier.replaced(), request.deviceId());
                if (conflict) {
                    keepDoubleEntry(fair, earlier.replaced().scanId(), registrationId, sighting(entry),
                            sighting(earlier.replaced()));
                }
                yield new Answered(with(admitted, conflict));
            }
            case CheckinRepository.Held held when held.standing().scanId().equals(request.scanId()) ->
                    new Answered(admitted);
            case CheckinRepository.Held held -> {
                Entry standing = held.standing();
                boolean conflict = Door.doubleEntry(request.offline(), standing, request.deviceId());
                if (conflict) {
                    keepDoubleEntry(fair, request.scanId(), registrationId, sighting(standing), sighting(entry));
                }
                Scan already = scan(fair, registrationId, request, null, CheckinResult.ALREADY_ADMITTED);
                yield new Answered(new Scan(already.fairId(), already.registrationId(), already.scanId(),
                        already.point(), null, already.deviceId(), already.scannedAt(), already.receivedAt(),
                        CheckinResult.ALREADY_ADMITTED, standing.at(), standing.point(), 0, false, conflict, false,
                        already.manual()));
            }
        };
    }

    private Outcome atDoor(Fair fair, String registrationId, Request request, Workshop workshop) {
        Optional<Signup.Status> status = signups.find(fair.fairId(), workshop.workshopId(), registrationId)
                .filter(Signup::active).map(Signup::status);
        int place = status.filter(s -> s == Signup.Status.WAITLISTED).isPresent()
                ? signups.placeInLine(fair.fairId(), workshop.workshopId(), registrationId)
                : 0;
        boolean started = !request.scannedAt().isBefore(workshop.startsAt().toInstant());
        boolean needsCount = status.isEmpty() || status.get() != Signup.Status.CONFIRMED;
        int seated = needsCount && !request.walkIn() ? checkins.seated(fair.fairId(), workshop.workshopId()) : 0;
        return switch (Door.decide(status, place, started, seated, workshop.capacity(), request.walkIn())) {
            case Door.NotStarted n -> new NotStarted(workshop);
            case Door.Waitlisted w -> new Answered(new Scan(fair.fairId(), registrationId, request.scanId(),
                    request.point(), workshop.workshopId(), request.deviceId(), request.scannedAt(), clock.instant(),
                    CheckinResult.WAITLISTED, null, null, w.placeInLine(), w.seatFree(), false, false,
                    manual(request)));
            case Door.NotSignedUp n -> new Answered(new Scan(fair.fairId(), registrationId, request.scanId(),
                    request.point(), workshop.workshopId(), request.deviceId(), request.scannedAt(), clock.instant(),
                    CheckinResult.NOT_SIGNED_UP, null, null, 0, n.seatFree(), false, false, manual(request)));
            case Door.TakeSeat take -> {
                Seat seat = new Seat(fair.fairId(), workshop.workshopId(), registrationId, request.scanId(),
                        request.scannedAt(), take.walkIn());
                CheckinRepository.SeatClaim claim;
                try {
                    claim = checkins.takeSeat(seat, workshop.capacity(), expiresAt(fair));
                } catch (CheckinRepository.Busy busy) {
                    yield new Busy();
                }
                yield switch (claim) {
                    case CheckinRepository.RoomFull full -> new RoomFull(workshop);
                    case CheckinRepository.Seated s -> new Answered(new Scan(fair.fairId(), registrationId,
                            request.scanId(), request.point(), workshop.workshopId(), request.deviceId(),
                            request.scannedAt(), clock.instant(), CheckinResult.SEATED, null, null, 0, false, false,
                            take.walkIn(), manual(request)));
                    case CheckinRepository.AlreadySeated already -> new Answered(new Scan(fair.fairId(),
                            registrationId, request.scanId(), request.point(), workshop.workshopId(),
                            request.deviceId(), request.scannedAt(), clock.instant(), CheckinResult.SEATED,
                            already.seat().at(), request.point(), 0, false, false, already.seat().walkIn(),
                            manual(request)));
                };
            }
        };
    }

    /** The fair's workshops, read at most every {@link #PROGRAMME_FRESH} per container. */
    public List<Workshop> programme(String fairId) {
        Instant now = clock.instant();
        Programme cached = programmes.get(fairId);
        if (cached == null || cached.readAt().plus(PROGRAMME_FRESH).isBefore(now)) {
            cached = new Programme(now,
                    workshops.programme(fairId).stream().map(ScheduledWorkshop::workshop).toList());
            programmes.put(fairId, cached);
        }
        return cached.workshops();
    }

    /** When what the fair day left expires: as long as the registrations are kept after the fair. */
    public Instant expiresAt(Fair fair) {
        return fair.endsAt().toInstant().plus(retention);
    }

    private void keepDoubleEntry(Fair fair, String scanId, String registrationId, DoubleEntry.Sighting first,
                                 DoubleEntry.Sighting second) {
        checkins.recordDoubleEntry(new DoubleEntry(fair.fairId(), scanId, registrationId, first, second, false, null),
                expiresAt(fair));
    }

    private static DoubleEntry.Sighting sighting(Entry entry) {
        return new DoubleEntry.Sighting(entry.at(), entry.point(), entry.deviceId());
    }

    private Scan scan(Fair fair, String registrationId, Request request, String workshopId, CheckinResult result) {
        return new Scan(fair.fairId(), registrationId, request.scanId(), request.point(), workshopId,
                request.deviceId(), request.scannedAt(), clock.instant(), result, null, null, 0, false, false, false,
                manual(request));
    }

    private static Scan with(Scan scan, boolean conflict) {
        return new Scan(scan.fairId(), scan.registrationId(), scan.scanId(), scan.point(), scan.workshopId(),
                scan.deviceId(), scan.scannedAt(), scan.receivedAt(), scan.result(), scan.firstAt(), scan.firstPoint(),
                scan.placeInLine(), scan.seatFree(), conflict, scan.walkIn(), scan.manual());
    }

    private static boolean manual(Request request) {
        return request.token().isEmpty();
    }
}
