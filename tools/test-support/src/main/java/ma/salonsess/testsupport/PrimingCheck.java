package ma.salonsess.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ma.salonsess.shared.snapstart.Priming;

/**
 * Runs the SnapStart priming the named functions' handlers registered when they were built (what
 * Lambda's runtime does before the snapshot), and checks that it wrote nothing anywhere (tables,
 * buckets, mailbox), ran to its end, and got as far as building AWS calls.
 */
public final class PrimingCheck {
    private PrimingCheck() {
    }

    public static void primesWritingNothing(LocalAws aws, String... functions) throws Exception {
        StackContents before = StackContents.of(aws);
        for (String function : functions) {
            Priming.registered(function).orElseThrow(() -> new AssertionError(function + " registered no priming"))
                    .beforeCheckpoint(null);
            Priming.Run run = Priming.lastRun(function).orElseThrow();
            assertTrue(run.failure().isEmpty(), () -> function + "'s priming ran to its end: " + run.failure());
            assertTrue(run.answeredCalls() >= 1, function + "'s priming reached its AWS calls");
        }
        assertEquals(before, StackContents.of(aws), "no item, object or email written");
    }
}
