package ma.salonsess.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SES feedback from the sample SNS event marks the address's registrations, in every fair. */
@ExtendWith(LocalAwsExtension.class)
class EmailFeedbackHandlerTest {
    private LocalAws aws;
    private EmailFeedbackHandler handler;
    private RegistrationRepository registrations;
    private FairFixtures fixtures;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.handler = new EmailFeedbackHandler(aws.functionEnv("EmailFeedbackFunction"));
        this.registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        this.fixtures = new FairFixtures(aws);
    }

    private Registration register(String fairId, String email) {
        Instant now = Instant.now();
        Registration r = new Registration(UUID.randomUUID().toString(), fairId, Role.VISITOR,
                Registration.Status.CONFIRMED, "Fatima", "El Idrissi", null, new EmailAddress(email), null, Language.AR,
                null, new Consent(false, false, "2026-11", Language.AR, now), BadgeState.pending(),
                AccessToken.generate().hash(), now, now.plusSeconds(86_400), 1);
        registrations.create(r, Optional.empty());
        return r;
    }

    private Map<String, AttributeValue> item(Registration r) {
        return aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("RegistrationsTable")).consistentRead(true)
                .key(Map.of("fairId", AttributeValue.fromS(r.fairId()), "sk", AttributeValue.fromS("REG#" + r.registrationId()))))
                .item();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String address, String type, String bounceType) throws Exception {
        ObjectNode event = (ObjectNode) Json.parse(Files.readString(RepositoryLayout.root()
                .resolve("events/email-feedback-bounce.json")));
        ObjectNode sns = (ObjectNode) event.get("Records").get(0).get("Sns");
        ObjectNode message = (ObjectNode) Json.parse(sns.get("Message").asText());
        message.put("eventType", type);
        if (type.equals("Bounce")) {
            ((ObjectNode) message.get("bounce")).put("bounceType", bounceType);
            ((ObjectNode) message.get("bounce").get("bouncedRecipients").get(0)).put("emailAddress", address);
        } else {
            message.putObject("complaint").putArray("complainedRecipients").addObject().put("emailAddress", address);
        }
        sns.put("Message", Json.write(message));
        return Json.MAPPER.convertValue(event, Map.class);
    }

    @Test
    void aPermanentBounceMarksTheAddressInEveryFair() throws Exception {
        String address = "bounce-" + UUID.randomUUID() + "@example.org";
        Registration first = register(fixtures.newFair(), address);
        Registration second = register(fixtures.newFair(), address.toUpperCase());
        Registration other = register(first.fairId(), "someone-" + UUID.randomUUID() + "@example.org");

        assertEquals(2, handler.handleRequest(event(address, "Bounce", "Permanent"), null));

        assertEquals("BOUNCE", item(first).get("emailUndeliverable").m().get("reason").s());
        assertEquals("BOUNCE", item(second).get("emailUndeliverable").m().get("reason").s(), "case does not matter");
        assertFalse(item(other).containsKey("emailUndeliverable"));
    }

    @Test
    void aComplaintMarksAndATransientBounceDoesNot() throws Exception {
        String complaining = "complaint-" + UUID.randomUUID() + "@example.org";
        String busy = "full-mailbox-" + UUID.randomUUID() + "@example.org";
        Registration complained = register(fixtures.newFair(), complaining);
        Registration transientOne = register(complained.fairId(), busy);

        handler.handleRequest(event(complaining, "Complaint", null), null);
        assertEquals(0, handler.handleRequest(event(busy, "Bounce", "Transient"), null));

        assertEquals("COMPLAINT", item(complained).get("emailUndeliverable").m().get("reason").s());
        assertFalse(item(transientOne).containsKey("emailUndeliverable"), "SES retries transient bounces itself");
    }

    @Test
    void theSampleEventIsReadAsSnsDeliversIt() throws Exception {
        Registration r = register(fixtures.newFair(), "Fatima.Elidrissi@example.org");
        Map<?, ?> sample = Json.MAPPER.readValue(Files.readString(RepositoryLayout.root()
                .resolve("events/email-feedback-bounce.json")), Map.class);
        @SuppressWarnings("unchecked")
        int marked = handler.handleRequest((Map<String, Object>) sample, null);
        assertTrue(marked >= 1);
        assertTrue(item(r).containsKey("emailUndeliverable"));
    }
}
