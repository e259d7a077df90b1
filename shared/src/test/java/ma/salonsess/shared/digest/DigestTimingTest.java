package ma.salonsess.shared.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

class DigestTimingTest {
    /** 1 to 3 May 2027 in Casablanca (UTC+1 then). */
    private static final Fair FAIR = new Fair("foire-oujda", new LocalizedText("Foire", null, null), "Oujda", "Parc",
            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), Fair.MOROCCO, List.of("o@example.org"), Language.FR);

    private static boolean due(int month, int day) {
        return DigestTiming.isDue(FAIR, LocalDate.of(2027, month, day));
    }

    @Test
    void dueFromAWeekBeforeTheFairToItsLastDay() {
        assertFalse(due(4, 23));
        assertTrue(due(4, 24));
        assertTrue(due(5, 1));
        assertTrue(due(5, 3));
        assertFalse(due(5, 4));
    }

    @Test
    void thenAWeekAndTwoWeeksAfterOnly() {
        assertFalse(due(5, 9));
        assertTrue(due(5, 10));
        assertFalse(due(5, 11));
        assertTrue(due(5, 17));
        assertFalse(due(5, 18));
        assertFalse(due(5, 24));
    }

    @Test
    void theDayIsTheFairsOwn() {
        Instant lateOnTheLastDayUtc = Instant.parse("2027-05-03T23:30:00Z"); // already 4 May in Casablanca
        assertEquals(LocalDate.of(2027, 5, 4), DigestTiming.today(FAIR, lateOnTheLastDayUtc));
        assertFalse(DigestTiming.isDue(FAIR, lateOnTheLastDayUtc));
        assertTrue(DigestTiming.isDue(FAIR, Instant.parse("2027-05-03T22:30:00Z")));
    }
}
