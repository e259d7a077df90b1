package ma.salonsess.shared.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/** What an organiser sends to create or update a workshop of a fair. */
public final class WorkshopForm {
    public static final int MAX_CAPACITY = 1000;
    /** Longer than any session of a fair's day; it keeps a mistyped end (year 999999999) out. */
    public static final Duration MAX_LENGTH = Duration.ofHours(12);
    private static final Set<String> FIELDS = Set.of("title", "description", "room", "startsAt", "endsAt", "capacity",
            "language");

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Workshop workshop) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    private WorkshopForm() {
    }

    public static Result read(Fair fair, String workshopId, JsonNode body) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", FIELDS);
        Optional<LocalizedText> title = form.localized(body, "title", "title", true, 200);
        Optional<LocalizedText> description = form.localized(body, "description", "description", false, 4000);
        Optional<String> room = form.text(body, "room", "room", true, 100);
        String format = "a date and time with its offset (2026-12-10T10:00:00+01:00)";
        Optional<OffsetDateTime> starts = form.parsed(body, "startsAt", "startsAt", true, OffsetDateTime::parse, format);
        Optional<OffsetDateTime> ends = form.parsed(body, "endsAt", "endsAt", true, OffsetDateTime::parse, format);
        Optional<Integer> capacity = form.integer(body, "capacity", "capacity", true, 1, MAX_CAPACITY);
        Optional<Language> language = form.oneOf(body, "language", "language", true, Language.class, Language::code);
        if (starts.isPresent() && !duringTheFair(starts.get(), fair)) {
            form.fail("startsAt", "outside_fair_dates",
                    "The workshop must take place during the fair (" + fair.startDate() + " to " + fair.endDate() + ").");
        }
        if (starts.isPresent() && ends.isPresent()) {
            if (!ends.get().isAfter(starts.get())) {
                form.fail("endsAt", "before_start", "The workshop must end after it starts.");
            } else if (Duration.between(starts.get(), ends.get()).compareTo(MAX_LENGTH) > 0) {
                form.fail("endsAt", "too_long", "A workshop lasts at most " + MAX_LENGTH.toHours() + " hours.");
            }
        }
        if (form.hasErrors()) {
            return new Invalid(form.errors());
        }
        return new Valid(new Workshop(fair.fairId(), workshopId, title.orElseThrow(), description.orElse(null),
                room.orElseThrow(), starts.orElseThrow(), ends.orElseThrow(), capacity.orElseThrow(),
                language.orElseThrow()));
    }

    /**
     * Whether the workshop starts on a day of the fair, where the fair is held. The local date is
     * compared first: an instant near the ends of time (+999999999-12-31T23:00-18:00) cannot be
     * moved to another zone.
     */
    private static boolean duringTheFair(OffsetDateTime starts, Fair fair) {
        LocalDate given = starts.toLocalDate();
        if (given.isBefore(fair.startDate().minusDays(1)) || given.isAfter(fair.endDate().plusDays(1))) {
            return false;
        }
        LocalDate day = starts.atZoneSameInstant(fair.timeZone()).toLocalDate();
        return !day.isBefore(fair.startDate()) && !day.isAfter(fair.endDate());
    }
}
