package ma.salonsess.testsupport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
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
        Registration registration = RegistrationBuilder.in(fairId).named(firstName, "Test").accessToken(token).build();
        new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable")).create(registration,
                Optional.empty());
        return new Registrant(registration.registrationId(), token.value(), registration.email().value());
    }
}
