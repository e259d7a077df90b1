package ma.salonsess.shared.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccessLinkPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");

    private static List<Instant> minutesAgo(int... minutes) {
        return IntStream.of(minutes).mapToObj(m -> NOW.minus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void theFifthRequestInAnHourIsAllowedAndRemembered() {
        var decision = AccessLinkPolicy.decide(minutesAgo(40, 30, 20, 10), NOW);
        assertEquals(5, assertInstanceOf(AccessLinkPolicy.Allowed.class, decision).requests().size());
    }

    @Test
    void theSixthWaitsUntilTheOldestLeavesTheHour() {
        var decision = AccessLinkPolicy.decide(minutesAgo(10, 50, 40, 30, 20), NOW);
        assertEquals(Duration.ofMinutes(10),
                assertInstanceOf(AccessLinkPolicy.Limited.class, decision).retryAfter());
    }

    @Test
    void requestsOlderThanAnHourNoLongerCountAndAreForgotten() {
        var decision = AccessLinkPolicy.decide(minutesAgo(60, 61, 90, 120, 200, 5), NOW);
        assertEquals(List.of(NOW.minus(Duration.ofMinutes(5)), NOW),
                assertInstanceOf(AccessLinkPolicy.Allowed.class, decision).requests());
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        Instant now = NOW.plusMillis(300);
        var decision = AccessLinkPolicy.decide(minutesAgo(50, 40, 30, 20, 10), now);
        assertEquals(Duration.ofSeconds(600),
                assertInstanceOf(AccessLinkPolicy.Limited.class, decision).retryAfter());
    }
}
