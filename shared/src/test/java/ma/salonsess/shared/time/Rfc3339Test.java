package ma.salonsess.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
    @Test
    void zeroSecondsAreWrittenAndTheOffsetKept() {
        assertEquals("2026-12-10T10:00:00+01:00", Rfc3339.format(OffsetDateTime.parse("2026-12-10T10:00+01:00")));
    }

    @Test
    void anInstantIsWrittenInUtcWithZ() {
        assertEquals("2026-12-10T09:00:00Z", Rfc3339.format(Instant.parse("2026-12-10T09:00:00Z")));
        assertEquals("2026-12-10T09:00:00.25Z", Rfc3339.format(Instant.parse("2026-12-10T09:00:00.250Z")));
    }
}
