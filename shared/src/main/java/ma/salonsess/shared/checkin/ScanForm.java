package ma.salonsess.shared.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/** What a scanner sends for one scan, read and checked field by field (each bad field named). */
public final class ScanForm {
    /** Longer than any badge code (an SE3 code is 138 characters). */
    public static final int MAX_TOKEN = 200;
    /** A device's clock may run ahead a little; a scan dated further in the future is refused. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern GATE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Set<String> FIELDS = Set.of("token", "registrationId", "point", "scanId", "scannedAt",
            "deviceId", "walkIn");

    private ScanForm() {
    }

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Checkins.Request request) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    /**
     * @param prefix        the field names' prefix in errors ({@code scans.3.} in a batch)
     * @param defaultDevice the batch's deviceId, used when a scan names none
     * @param offline       whether the scan was made offline (sent in a batch)
     */
    public static Result read(JsonNode body, String prefix, Optional<String> defaultDevice, boolean offline,
                              Instant now) {
        FormReader form = new FormReader();
        if (body == null || !body.isObject()) {
            form.fail(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "invalid_type",
                    "Each scan is a JSON object.");
            return new Invalid(form.errors());
        }
        form.rejectUnknown(body, prefix, FIELDS);
        Optional<String> token = form.text(body, "token", prefix + "token", false, MAX_TOKEN);
        Optional<String> registrationId = form.text(body, "registrationId", prefix + "registrationId", false, 36);
        if (token.isPresent() == registrationId.isPresent() && !form.hasErrors()) {
            form.fail(prefix + "token", "required", "Send either the badge's token or, by hand, a registrationId.");
        }
        registrationId.filter(id -> !UUID.matcher(id).matches()).ifPresent(id -> form.fail(prefix + "registrationId",
                "invalid_format", "A registration id is the lower-case UUID given when registering."));
        Optional<String> point = form.text(body, "point", prefix + "point", true, 110);
        point.filter(p -> !validPoint(p)).ifPresent(p -> form.fail(prefix + "point", "invalid_format",
                "Use 'entrance', a gate or workshop id (2 to 64 lower-case letters, digits and dashes), "
                        + "or 'room:' and the room's name."));
        Optional<String> scanId = form.text(body, "scanId", prefix + "scanId", true, 36);
        scanId.filter(id -> !UUID.matcher(id).matches()).ifPresent(id -> form.fail(prefix + "scanId",
                "invalid_format", "A scan id is a lower-case UUID the device makes for each scan."));
        Optional<Instant> scannedAt = form.parsed(body, "scannedAt", prefix + "scannedAt", true,
                text -> OffsetDateTime.parse(text).toInstant(), "an RFC 3339 time (2026-12-10T09:14:03+01:00)");
        scannedAt.filter(at -> at.isAfter(now.plus(CLOCK_SKEW))).ifPresent(at -> form.fail(prefix + "scannedAt",
                "in_the_future", "This time is in the future; check the device's clock."));
        Optional<String> device = form.text(body, "deviceId", prefix + "deviceId", defaultDevice.isEmpty(), 64)
                .or(() -> defaultDevice);
        device.filter(d -> !DEVICE.matcher(d).matches()).ifPresent(d -> form.fail(prefix + "deviceId",
                "invalid_format", "Use 1 to 64 letters, digits, dashes and underscores."));
        Optional<Boolean> walkIn = form.bool(body, "walkIn", prefix + "walkIn", false);
        if (form.hasErrors()) {
            return new Invalid(form.errors());
        }
        return new Valid(new Checkins.Request(token, registrationId, point.orElseThrow(), scanId.orElseThrow(),
                scannedAt.orElseThrow(), device.orElseThrow(), walkIn.orElse(false), offline));
    }

    /** The scan id of a scan, if it has a readable one: a batch's answer names it even when refused. */
    public static Optional<String> scanIdOf(JsonNode scan) {
        return Optional.ofNullable(scan).filter(JsonNode::isObject).map(s -> s.get("scanId"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(id -> UUID.matcher(id).matches());
    }

    /** 'entrance', a gate or workshop id, or 'room:' and a room's name. */
    public static boolean validPoint(String point) {
        if (point.startsWith(Checkins.ROOM_PREFIX)) {
            String room = point.substring(Checkins.ROOM_PREFIX.length()).strip();
            return !room.isEmpty() && room.length() <= 100;
        }
        return GATE.matcher(point).matches();
    }
}
