package ma.salonsess.shared.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Date-times as answers and exports write them: RFC 3339, seconds always there. Not
 * {@code toString()}, which drops zero seconds from an {@link OffsetDateTime}
 * ({@code 2026-12-10T10:00+01:00}), and that is not RFC 3339 (openapi.yaml's {@code date-time}).
 */
public final class Rfc3339 {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Rfc3339() {
    }

    /** With its own offset, as the fair's organisers gave it (a workshop's start, say). */
    public static String format(OffsetDateTime at) {
        return FORMAT.format(at);
    }

    /** In UTC, written {@code Z}. */
    public static String format(Instant at) {
        return FORMAT.format(at.atOffset(ZoneOffset.UTC));
    }
}
