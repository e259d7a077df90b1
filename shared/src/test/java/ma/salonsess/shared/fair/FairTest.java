package ma.salonsess.shared.fair;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

class FairTest {
    /** 1 to 3 May 2027 in Casablanca, UTC+1 then: over at 4 May 00:00 local, 3 May 23:00 UTC. */
    private static final Fair FAIR = new Fair("foire-oujda", new LocalizedText("Foire", null, null), "Oujda", "Parc",
            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 3), Fair.MOROCCO, List.of("o@example.org"), Language.FR);

    @Test
    void overOnceItsLastDayHasEndedWhereItIsHeld() {
        assertFalse(FAIR.isOver(Instant.parse("2027-05-01T09:00:00Z")));
        assertFalse(FAIR.isOver(Instant.parse("2027-05-03T22:59:59Z")));
        assertTrue(FAIR.isOver(Instant.parse("2027-05-03T23:00:00Z")));
        assertTrue(FAIR.isOver(Instant.parse("2027-06-01T00:00:00Z")));
    }
}
