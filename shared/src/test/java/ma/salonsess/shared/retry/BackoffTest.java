package ma.salonsess.shared.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theLimitDoublesUntilTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(500));
        assertEquals(Duration.ofMillis(10), backoff.limit(0));
        assertEquals(Duration.ofMillis(20), backoff.limit(1));
        assertEquals(Duration.ofMillis(320), backoff.limit(5));
        assertEquals(Duration.ofMillis(500), backoff.limit(6));
        assertEquals(Duration.ofMillis(500), backoff.limit(1_000), "no overflow after many attempts");
    }

    @Test
    void eachWaitIsDrawnBetweenOneMillisecondAndTheLimit() {
        for (int attempt = 0; attempt < 10; attempt++) {
            for (int i = 0; i < 200; i++) {
                Duration wait = Backoff.CONTENTION.draw(attempt);
                assertTrue(wait.toMillis() >= 1 && wait.compareTo(Backoff.CONTENTION.limit(attempt)) <= 0, wait.toString());
            }
        }
    }

    @Test
    void aCeilingBelowTheFirstWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofMillis(10)));
    }
}
