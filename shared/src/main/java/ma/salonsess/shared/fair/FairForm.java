package ma.salonsess.shared.fair;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/** What an organiser sends to create or update a fair. */
public final class FairForm {
    /**
     * How far from today a fair's dates may be. Dates beyond any fair overflowed once saved (year
     * +999999999: the survey schedule and each registration's expiry, {@code Fair.endsAt} plus a
     * delay) or broke the nightly digest (year 1); ten years either way keeps old fairs editable and
     * leaves room to announce the next ones.
     */
    public static final int MAX_YEARS_FROM_TODAY = 10;
    /** The longest fair, first to last day: a month is far beyond any salon so far. */
    public static final int MAX_DAYS = 31;
    private static final Set<String> FIELDS = Set.of("name", "city", "venue", "startDate", "endDate", "timeZone",
            "organiserEmails", "defaultLanguage", "stewardEmails", "supervisorEmails", "hallCapacity",
            "surveyAdmittedOnly");
    /** Gate staff per role: a provincial fair's few gates need a few dozen people at most. */
    public static final int MAX_STAFF = 200;

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Fair fair) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    private FairForm() {
    }

    /** @param today the organiser's today, which bounds the dates */
    public static Result read(String fairId, JsonNode body, LocalDate today) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", FIELDS);
        Optional<LocalizedText> name = form.localized(body, "name", "name", true, 200);
        Optional<String> city = form.text(body, "city", "city", true, 100);
        Optional<String> venue = form.text(body, "venue", "venue", true, 200);
        Optional<LocalDate> start = form.parsed(body, "startDate", "startDate", true, LocalDate::parse, "a date (2026-12-10)");
        Optional<LocalDate> end = form.parsed(body, "endDate", "endDate", true, LocalDate::parse, "a date (2026-12-13)");
        Optional<ZoneId> zone = form.parsed(body, "timeZone", "timeZone", false, ZoneId::of,
                "a time zone such as Africa/Casablanca");
        Optional<List<String>> organisers = form.textList(body, "organiserEmails", "organiserEmails", 1, 20,
                email -> EmailAddress.parse(email).isPresent(), "email addresses");
        Optional<Language> language = form.oneOf(body, "defaultLanguage", "defaultLanguage", false, Language.class,
                Language::code);
        List<String> stewards = staff(form, body, "stewardEmails");
        List<String> supervisors = staff(form, body, "supervisorEmails");
        Optional<Integer> hall = form.integer(body, "hallCapacity", "hallCapacity", false, 1, 1_000_000);
        Optional<Boolean> admittedOnly = form.bool(body, "surveyAdmittedOnly", "surveyAdmittedOnly", false);
        start = start.filter(date -> withinYears(form, "startDate", date, today));
        end = end.filter(date -> withinYears(form, "endDate", date, today));
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            form.fail("endDate", "before_start", "The fair cannot end before it starts.");
        } else if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get().plusDays(MAX_DAYS - 1))) {
            form.fail("endDate", "too_long", "A fair lasts at most " + MAX_DAYS + " days.");
        }
        if (form.hasErrors()) {
            return new Invalid(form.errors());
        }
        return new Valid(new Fair(fairId, name.orElseThrow(), city.orElseThrow(), venue.orElseThrow(),
                start.orElseThrow(), end.orElseThrow(), zone.orElse(Fair.MOROCCO), organisers.orElseThrow(),
                language.orElse(Language.FR), stewards, supervisors, hall.orElse(0),
                admittedOnly.orElse(false)));
    }

    /** Optional: a fair has no gate staff until its organisers name them. */
    private static List<String> staff(FormReader form, JsonNode body, String field) {
        if (body.get(field) == null || body.get(field).isNull()) {
            return List.of();
        }
        return form.textList(body, field, field, 0, MAX_STAFF, email -> EmailAddress.parse(email).isPresent(),
                "email addresses").orElse(List.of());
    }

    private static boolean withinYears(FormReader form, String field, LocalDate date, LocalDate today) {
        LocalDate earliest = today.minusYears(MAX_YEARS_FROM_TODAY);
        LocalDate latest = today.plusYears(MAX_YEARS_FROM_TODAY);
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            form.fail(field, "out_of_range", "Must be a date from " + earliest + " to " + latest + ".");
            return false;
        }
        return true;
    }
}
