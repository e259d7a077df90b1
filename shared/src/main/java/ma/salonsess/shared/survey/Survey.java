package ma.salonsess.shared.survey;

import java.time.Instant;
import java.util.List;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;

/**
 * One registrant's survey of one fair: who is asked (role, region and sector, kept for the
 * results), the workshops they held a seat in, whether the invitation and the reminder went out,
 * and the answers once given. Keyed by its token's hash ({@link SurveyToken#keyOf}).
 *
 * @param invitation a {@link Delivery} by name, as stored: see {@link #invitationDelivery()}
 * @param reminder   null until one is claimed; then as {@code invitation}
 */
public record Survey(String key, String fairId, String registrationId, Role role, Language language, Region region,
                     Sector sector, List<String> workshopIds, String invitation, String reminder, Instant answeredAt,
                     SurveyAnswers answers) {

    /** Where an invitation or a reminder is: claimed and going out, sent, or refused by SES for good. */
    public enum Delivery { SENDING, SENT, FAILED }

    public static final String SENDING = Delivery.SENDING.name();
    public static final String SENT = Delivery.SENT.name();
    public static final String FAILED = Delivery.FAILED.name();

    public Survey {
        workshopIds = List.copyOf(workshopIds);
    }

    public Questionnaire questionnaire() {
        return Questionnaire.forRole(role);
    }

    /** The invitation's delivery; null before it is claimed, or for a state this code does not know. */
    public Delivery invitationDelivery() {
        return delivery(invitation);
    }

    /** The reminder's delivery; null before one is claimed. */
    public Delivery reminderDelivery() {
        return delivery(reminder);
    }

    private static Delivery delivery(String stored) {
        for (Delivery state : Delivery.values()) {
            if (state.name().equals(stored)) {
                return state;
            }
        }
        return null;
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
