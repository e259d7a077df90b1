package ma.salonsess.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;

/**
 * A registration for tests, with plausible defaults (a French-speaking visitor, a fresh id, a
 * unique address, a badge pending, one day of retention): each test says only what matters to it.
 */
public final class RegistrationBuilder {
    private String registrationId = UUID.randomUUID().toString();
    private final String fairId;
    private Role role = Role.VISITOR;
    private String firstName = "Amina";
    private String lastName = "Test";
    private String arabicName;
    private EmailAddress email;
    private Language language = Language.FR;
    private Organisation organisation;
    private boolean photos;
    private boolean shareWithExhibitors;
    private boolean surveys;
    private AccessToken accessToken = AccessToken.generate();
    private String accessTokenHash;
    private Instant now = Instant.now();
    private Duration retention = Duration.ofDays(1);

    private RegistrationBuilder(String fairId) {
        this.fairId = fairId;
    }

    public static RegistrationBuilder in(String fairId) {
        return new RegistrationBuilder(fairId);
    }

    public RegistrationBuilder id(String id) {
        this.registrationId = id;
        return this;
    }

    public RegistrationBuilder role(Role role) {
        this.role = role;
        return this;
    }

    public RegistrationBuilder named(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    public RegistrationBuilder arabicName(String name) {
        this.arabicName = name;
        return this;
    }

    public RegistrationBuilder email(String address) {
        this.email = new EmailAddress(address);
        return this;
    }

    public RegistrationBuilder language(Language language) {
        this.language = language;
        return this;
    }

    public RegistrationBuilder organisation(Organisation organisation) {
        this.organisation = organisation;
        return this;
    }

    /** Consent to the optional purposes (processing the registration itself is always agreed). */
    public RegistrationBuilder consent(boolean photos, boolean shareWithExhibitors, boolean surveys) {
        this.photos = photos;
        this.shareWithExhibitors = shareWithExhibitors;
        this.surveys = surveys;
        return this;
    }

    public RegistrationBuilder accessToken(AccessToken token) {
        this.accessToken = token;
        this.accessTokenHash = null;
        return this;
    }

    /** A stored hash that no token matches. */
    public RegistrationBuilder accessTokenHash(String hash) {
        this.accessTokenHash = hash;
        return this;
    }

    public RegistrationBuilder at(Instant now) {
        this.now = now;
        return this;
    }

    public RegistrationBuilder retention(Duration retention) {
        this.retention = retention;
        return this;
    }

    public Registration build() {
        EmailAddress address = email != null ? email
                : new EmailAddress(firstName.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "-" + UUID.randomUUID()
                        + "@example.org");
        return new Registration(registrationId, fairId, role, Registration.Status.CONFIRMED, firstName, lastName,
                arabicName, address, null, language, organisation,
                new Consent(photos, shareWithExhibitors, surveys, "2026-11", language, now), BadgeState.pending(),
                accessTokenHash != null ? accessTokenHash : accessToken.hash(), now, now.plus(retention), 1);
    }
}
