package ma.salonsess.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.email.Undeliverable;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.log.Invocation;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.snapstart.Priming;

/**
 * Bounces and complaints that SES publishes (through the configuration set's SNS topic): marks
 * the address undeliverable on each of its registrations, so organisers see it in the digest and
 * nobody keeps writing to it. A transient bounce marks nothing: SES retries those itself.
 *
 * <p>Takes the SNS event as a map: the runtime builds it without the events library's date
 * classes, which this function does not ship.
 */
public final class EmailFeedbackHandler implements RequestHandler<Map<String, Object>, Integer> {
    private final RegistrationRepository registrations;
    private final Clock clock = Clock.systemUTC();

    public EmailFeedbackHandler() {
        this(Env.system());
    }

    public EmailFeedbackHandler(Env env) {
        this.registrations = new Wiring(env).registrations();
        Priming.register("EmailFeedbackFunction", this, NotificationsPriming::feedback);
    }

    /** Returns how many registrations were marked; throws so SNS retries (then the dead-letter queue). */
    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run(context, "sns ses-feedback", () -> handle(event, context));
    }

    private Integer handle(Map<String, Object> event, Context context) {
        int marked = 0;
        for (JsonNode record : Json.MAPPER.valueToTree(event).path("Records")) {
            JsonNode message;
            try {
                message = Json.parse(record.path("Sns").path("Message").asText());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("An SNS message that is not an SES event", e);
            }
            String type = message.path("eventType").asText(message.path("notificationType").asText());
            List<String> addresses = new ArrayList<>();
            Undeliverable reason = null;
            if (type.equals("Bounce") && message.path("bounce").path("bounceType").asText().equals("Permanent")) {
                reason = Undeliverable.BOUNCE;
                message.path("bounce").path("bouncedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
            } else if (type.equals("Complaint")) {
                reason = Undeliverable.COMPLAINT;
                message.path("complaint").path("complainedRecipients")
                        .forEach(r -> addresses.add(r.path("emailAddress").asText()));
            }
            for (String address : addresses) {
                marked += registrations.markUndeliverable(address.strip().toLowerCase(Locale.ROOT), reason.name(), clock.instant());
            }
        }
        return marked;
    }
}
