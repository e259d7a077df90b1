package ma.salonsess.shared.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The registration mapper on its own, without DynamoDB: what is written reads back the same. */
class RegistrationItemTest {
    private static final Instant NOW = Instant.parse("2026-05-02T09:30:00Z");

    private static Registration registration(Organisation organisation, PhoneNumber phone, String arabicName) {
        return new Registration("0b6c3d1e-2f4a-4b5c-9d6e-7f8a9b0c1d2e", "salon-rabat-2026", Role.EXHIBITOR,
                Registration.Status.CONFIRMED, "Fatima", "Zahra", arabicName, new EmailAddress("Fatima@Example.ma"),
                phone, Language.AR, organisation,
                new Consent(true, false, true, "2026-01", Language.AR, NOW), BadgeState.pending(), "hash", NOW,
                NOW.plusSeconds(86_400), 1);
    }

    @Test
    void aRegistrationReadsBackAsWritten() {
        Registration full = registration(new Organisation("Coopérative Argan", OrganisationType.COOPERATIVE,
                Region.ORIENTAL, Sector.LOCAL_PRODUCE), new PhoneNumber("+212612345678"), "فاطمة الزهراء");
        Registration bare = registration(null, null, null);

        assertEquals(full, RegistrationItem.fromItem(RegistrationItem.toItem(full)));
        assertEquals(bare, RegistrationItem.fromItem(RegistrationItem.toItem(bare)));
    }

    @Test
    void theItemCarriesItsKeysAndTheConsentedPurposes() {
        Map<String, AttributeValue> item = RegistrationItem.toItem(registration(null, null, null));

        assertEquals("salon-rabat-2026", item.get("fairId").s());
        assertEquals(RegistrationRepository.registrationSortKey("0b6c3d1e-2f4a-4b5c-9d6e-7f8a9b0c1d2e"),
                item.get("sk").s());
        assertEquals("fatima@example.ma", item.get("emailNormalized").s());
        assertEquals(List.of("REGISTRATION", "PHOTOS", "SURVEYS"),
                item.get("consent").m().get("purposes").l().stream().map(AttributeValue::s).toList());
    }

    @Test
    void aReadyBadgeReadsBack() {
        BadgeState ready = BadgeState.ready("badges/f/r-3.pdf", 3, NOW);
        Map<String, AttributeValue> item = new HashMap<>(RegistrationItem.toItem(registration(null, null, null)));
        item.put("badge", RegistrationItem.badge(ready));

        assertEquals(ready, RegistrationItem.fromItem(item).badge());
    }

    @Test
    void emailHealthIsReadFromTheItem() {
        Map<String, AttributeValue> item = new HashMap<>(RegistrationItem.toItem(registration(null, null, null)));
        assertNull(RegistrationItem.health(item).undeliverableReason());
        assertFalse(RegistrationItem.health(item).emailPending());

        item.put("emailUndeliverable", AttributeValue.fromM(Map.of("reason", AttributeValue.fromS("BOUNCE"))));
        item.put("emailsPending", AttributeValue.fromSs(List.of("badge")));
        assertEquals("BOUNCE", RegistrationItem.health(item).undeliverableReason());
        assertTrue(RegistrationItem.health(item).emailPending());
    }
}
