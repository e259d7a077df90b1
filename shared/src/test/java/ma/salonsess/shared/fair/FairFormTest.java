package ma.salonsess.shared.fair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.validation.FieldError;
import org.junit.jupiter.api.Test;

class FairFormTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static ObjectNode fair(String start, String end) {
        ObjectNode body = Json.object();
        body.putObject("name").put("fr", "Salon national");
        body.put("city", "Rabat").put("venue", "OLM Souissi").put("startDate", start).put("endDate", end);
        body.putArray("organiserEmails").add("organisation@example.org");
        return body;
    }

    private static List<String> errors(String start, String end) {
        var result = FairForm.read("salon-2027", fair(start, end), TODAY);
        return result instanceof FairForm.Invalid invalid
                ? invalid.errors().stream().map(e -> e.field() + ":" + e.code()).toList() : List.of();
    }

    @Test
    void datesWithinTenYearsOfTodayAndAMonthLongAreKept() {
        var valid = assertInstanceOf(FairForm.Valid.class, FairForm.read("salon-2027", fair("2027-03-18", "2027-03-21"), TODAY));
        assertEquals(LocalDate.of(2027, 3, 21), valid.fair().endDate());
        assertEquals(List.of(), errors("2016-12-01", "2016-12-01"));
        assertEquals(List.of(), errors("2036-11-01", "2036-12-01"));
    }

    @Test
    void datesBeyondAnyFairAreNamed() {
        assertEquals(List.of("endDate:out_of_range"), errors("2027-03-18", "+999999999-12-31"));
        assertEquals(List.of("startDate:out_of_range"), errors("0001-01-01", "2027-03-21"));
        assertEquals(List.of("startDate:out_of_range", "endDate:out_of_range"), errors("-999999999-01-01", "1900-01-01"));
        assertEquals(List.of("startDate:out_of_range"), errors("2016-11-30", "2016-12-02"));
        assertEquals(List.of("endDate:out_of_range"), errors("2036-11-30", "2036-12-02"));
    }

    @Test
    void aFairEndsOnOrAfterItsStartAndLastsAtMostAMonth() {
        assertEquals(List.of("endDate:before_start"), errors("2027-03-18", "2027-03-17"));
        assertEquals(List.of(), errors("2027-03-01", "2027-03-31"));
        assertEquals(List.of("endDate:too_long"), errors("2027-03-01", "2027-04-01"));
    }

    @Test
    void theDateErrorNamesTheWindow() {
        var invalid = assertInstanceOf(FairForm.Invalid.class, FairForm.read("salon-2027", fair("2027-03-18", "+999999999-12-31"), TODAY));
        assertEquals(new FieldError("endDate", "out_of_range", "Must be a date from 2016-12-01 to 2036-12-01."),
                invalid.errors().getFirst());
    }
}
