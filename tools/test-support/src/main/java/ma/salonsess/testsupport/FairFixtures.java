package ma.salonsess.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;
import ma.salonsess.shared.workshop.Workshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * Fairs, workshops and registrants written straight into the local tables, for tests of what
 * comes after registration. Each fair has a fresh id, so a test sees only its own data.
 */
public final class FairFixtures {
    /** The fair's days: 10 to 13 December 2026, Casablanca time (UTC+1). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 10);
    private final LocalAws aws;

    /** A registrant and the access token they were given. */
    public record Registrant(String registrationId, String accessToken, String email) {
    }

    public FairFixtures(LocalAws aws) {
        this.aws = aws;
    }

    public String newFair() {
        String fairId = "fair-" + UUID.randomUUID().toString().substring(0, 13);
        new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")).save(new Fair(fairId,
                new LocalizedText("Salon de test", "معرض تجريبي", "Test fair"), "Rabat", "Bab Rouah",
                FIRST_DAY, FIRST_DAY.plusDays(3), Fair.MOROCCO, List.of("organisation@example.org"), Language.FR));
        return fairId;
    }

    /** A workshop on the fair's first day from {@code fromHour} to {@code toHour} (Casablanca time). */
    public void workshop(String fairId, String workshopId, int capacity, int fromHour, int toHour) {
        new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable")).save(new Workshop(fairId, workshopId,
                new LocalizedText("Atelier " + workshopId, "ورشة " + workshopId, "Workshop " + workshopId), null,
                "Salle A", at(fromHour), at(toHour), capacity, Language.FR));
    }

    public static OffsetDateTime at(int hour) {
        return FIRST_DAY.atTime(hour, 0).atOffset(ZoneOffset.ofHours(1));
    }

    public Registrant registrant(String fairId, String firstName) {
        AccessToken token = AccessToken.generate();
        String id = UUID.randomUUID().toString();
        EmailAddress email = new EmailAddress(firstName.toLowerCase().replace(' ', '.') + "-" + id.substring(0, 8)
                + "@example.org");
        Instant now = Instant.now();
        new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable")).create(new Registration(id,
                fairId, Role.VISITOR, Registration.Status.CONFIRMED, firstName, "Test", null, email, null, Language.FR,
                null, new Consent(false, false, "test", Language.FR, now), BadgeState.pending(), token.hash(), now,
                now.plusSeconds(86_400), 1), java.util.Optional.empty());
        return new Registrant(id, token.value(), email.value());
    }
}
