package ma.salonsess.shared.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import org.junit.jupiter.api.Test;

class WorkshopFormTest {
    private static final Fair FAIR = new Fair("salon-2027", new LocalizedText("Salon", null, null), "Rabat", "OLM",
            LocalDate.of(2027, 3, 18), LocalDate.of(2027, 3, 21), Fair.MOROCCO, List.of("o@example.org"), Language.FR);

    private static List<String> errors(String startsAt, String endsAt, Object capacity) {
        ObjectNode body = Json.object();
        body.putObject("title").put("fr", "Atelier");
        body.put("room", "Salle A").put("startsAt", startsAt).put("endsAt", endsAt).put("language", "fr");
        body.set("capacity", Json.MAPPER.valueToTree(capacity));
        var result = WorkshopForm.read(FAIR, "atelier", body);
        return result instanceof WorkshopForm.Invalid invalid
                ? invalid.errors().stream().map(e -> e.field() + ":" + e.code()).toList() : List.of();
    }

    @Test
    void aWorkshopDuringTheFairIsKept() {
        assertEquals(List.of(), errors("2027-03-19T10:00:00+01:00", "2027-03-19T12:00:00+01:00", 30));
        assertEquals(List.of(), errors("2027-03-19T08:00:00+01:00", "2027-03-19T20:00:00+01:00", 1000));
    }

    @Test
    void timesBeyondAnyFairAreNamedNotFailed() {
        assertEquals(List.of("endsAt:too_long"),
                errors("2027-03-19T10:00:00+01:00", "+999999999-12-31T23:59:59-18:00", 30));
        assertEquals(List.of("startsAt:outside_fair_dates", "endsAt:before_start"),
                errors("+999999999-12-31T23:59:59-18:00", "2027-03-19T12:00:00+01:00", 30));
        assertEquals(List.of("startsAt:outside_fair_dates", "endsAt:too_long"),
                errors("-999999999-01-01T00:00:00+18:00", "2027-03-19T12:00:00+01:00", 30));
        assertEquals(List.of("endsAt:too_long"), errors("2027-03-19T08:00:00+01:00", "2027-03-19T20:00:01+01:00", 30));
    }

    @Test
    void aCapacityBeyond64BitsOrNotWholeIsNamed() {
        assertEquals(List.of("capacity:out_of_range"),
                errors("2027-03-19T10:00:00+01:00", "2027-03-19T12:00:00+01:00", new BigInteger("18446744073709551619")));
        assertEquals(List.of("capacity:invalid_type"), errors("2027-03-19T10:00:00+01:00", "2027-03-19T12:00:00+01:00", 2.5));
    }
}
