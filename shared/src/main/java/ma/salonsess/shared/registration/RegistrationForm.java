package ma.salonsess.shared.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/** The registration web form: every rule a submitted form must meet. */
public final class RegistrationForm {
    private static final Set<String> FIELDS = Set.of("role", "firstName", "lastName", "arabicName", "email",
            "phone", "language", "organisation", "consent");
    private static final Set<String> ORGANISATION_FIELDS = Set.of("name", "type", "region", "sector");
    private static final Set<String> CONSENT_FIELDS = Set.of("dataProcessing", "photos", "shareWithExhibitors", "surveys");

    /** Either the validated request or the list of every bad field. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(RegistrationRequest request) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    private RegistrationForm() {
    }

    public static Result read(JsonNode body) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", FIELDS);
        Optional<Role> role = form.oneOf(body, "role", "role", true, Role.class);
        Optional<String> firstName = form.name(body, "firstName", "firstName", true, 100);
        Optional<String> lastName = form.name(body, "lastName", "lastName", true, 100);
        Optional<String> arabicName = form.name(body, "arabicName", "arabicName", false, 150);
        if (arabicName.isPresent() && arabicName.get().codePoints()
                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            form.fail("arabicName", "not_arabic_script", "The name in Arabic script must contain Arabic letters.");
            arabicName = Optional.empty();
        }
        Optional<EmailAddress> email = form.text(body, "email", "email", true, 254).flatMap(typed -> {
            Optional<EmailAddress> parsed = EmailAddress.parse(typed);
            if (parsed.isEmpty()) {
                form.fail("email", "invalid_format", "Not a valid email address.");
            }
            return parsed;
        });
        Optional<PhoneNumber> phone = form.text(body, "phone", "phone", false, 32).flatMap(typed -> {
            Optional<PhoneNumber> parsed = PhoneNumber.parse(typed);
            if (parsed.isEmpty()) {
                form.fail("phone", "invalid_format",
                        "Not a phone number: use international form (+212612345678) or a Moroccan number (0612345678).");
            }
            return parsed;
        });
        Optional<Language> language = form.oneOf(body, "language", "language", true, Language.class, Language::code);

        boolean exhibitor = role.orElse(null) == Role.EXHIBITOR;
        Optional<Organisation> organisation = form.object(body, "organisation", "organisation", exhibitor)
                .flatMap(node -> readOrganisation(form, node, exhibitor));

        boolean photos = false;
        boolean share = false;
        boolean surveys = false;
        Optional<JsonNode> consent = form.object(body, "consent", "consent", true);
        if (consent.isPresent()) {
            JsonNode node = consent.get();
            form.rejectUnknown(node, "consent.", CONSENT_FIELDS);
            Optional<Boolean> processing = form.bool(node, "dataProcessing", "consent.dataProcessing", true);
            if (processing.isPresent() && !processing.get()) {
                form.fail("consent.dataProcessing", "consent_required",
                        "We can only register you if you agree to the processing of your data for the fair.");
            }
            photos = form.bool(node, "photos", "consent.photos", false).orElse(false);
            share = form.bool(node, "shareWithExhibitors", "consent.shareWithExhibitors", false).orElse(false);
            surveys = form.bool(node, "surveys", "consent.surveys", false).orElse(false);
        }

        if (form.hasErrors()) {
            return new Invalid(form.errors());
        }
        return new Valid(new RegistrationRequest(role.orElseThrow(), firstName.orElseThrow(), lastName.orElseThrow(),
                arabicName.orElse(null), email.orElseThrow(), phone.orElse(null), language.orElseThrow(),
                organisation.orElse(null), photos, share, surveys));
    }

    private static Optional<Organisation> readOrganisation(FormReader form, JsonNode node, boolean exhibitor) {
        form.rejectUnknown(node, "organisation.", ORGANISATION_FIELDS);
        Optional<String> name = form.name(node, "name", "organisation.name", true, 200);
        Optional<OrganisationType> type = form.oneOf(node, "type", "organisation.type", true, OrganisationType.class);
        Optional<Region> region = form.oneOf(node, "region", "organisation.region", exhibitor, Region.class,
                Region::code);
        Optional<Sector> sector = form.oneOf(node, "sector", "organisation.sector", exhibitor, Sector.class);
        if (name.isEmpty() || type.isEmpty() || (exhibitor && (region.isEmpty() || sector.isEmpty()))) {
            return Optional.empty();
        }
        return Optional.of(new Organisation(name.get(), type.get(), region.orElse(null), sector.orElse(null)));
    }
}
