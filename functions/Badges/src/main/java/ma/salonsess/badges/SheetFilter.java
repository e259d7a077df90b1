package ma.salonsess.badges;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/**
 * Which badges go on a print run: all of a fair's, or those of a role, of exhibitors of a region,
 * or registered since a day (in the fair's time zone). Each part is optional.
 */
public record SheetFilter(Role role, Region region, LocalDate registeredSince) {

    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(SheetFilter filter) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    public static Result read(JsonNode body) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("role", "region", "registeredSince"));
        Optional<Role> role = form.oneOf(body, "role", "role", false, Role.class);
        Optional<Region> region = form.oneOf(body, "region", "region", false, Region.class, Region::code);
        Optional<LocalDate> since = form.parsed(body, "registeredSince", "registeredSince", false, LocalDate::parse,
                "a date (2026-12-01)");
        return form.hasErrors() ? new Invalid(form.errors())
                : new Valid(new SheetFilter(role.orElse(null), region.orElse(null), since.orElse(null)));
    }

    public boolean accepts(Registration r, Fair fair) {
        if (role != null && r.role() != role) {
            return false;
        }
        if (region != null && (r.organisation() == null || r.organisation().region() != region)) {
            return false;
        }
        if (registeredSince != null) {
            Instant from = registeredSince.atStartOfDay(fair.timeZone()).toInstant();
            return !r.createdAt().isBefore(from);
        }
        return true;
    }
}
