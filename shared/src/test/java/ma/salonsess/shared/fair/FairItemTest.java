package ma.salonsess.shared.fair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

/** The fair mapper on its own, without DynamoDB. */
class FairItemTest {

    @Test
    void aFairReadsBackAsWritten() {
        Fair fair = new Fair("salon-rabat-2026", new LocalizedText("Salon national", "المعرض الوطني", null), "Rabat",
                "OLM Souissi", LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 4), Fair.MOROCCO,
                List.of("organiser@example.ma"), Language.AR);

        var item = FairItem.toItem(fair);

        assertEquals(FairRepository.FAIR_SORT_KEY, item.get("sk").s());
        assertEquals(fair, FairItem.fromItem(item));
    }
}
