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
 * @param invitation SENDING while claimed, SENT, or FAILED (refused by SES for good)
 * @param reminder   null until one is sent; then as {@code invitation}
 */
public record Survey(String key, String fairId, String registrationId, Role role, Language language, Region region,
                     Sector sector, List<String> workshopIds, String invitation, String reminder, Instant answeredAt,
                     SurveyAnswers answers) {

    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    public Survey {
        workshopIds = List.copyOf(workshopIds);
    }

    public Questionnaire questionnaire() {
        return Questionnaire.forRole(role);
    }

    public boolean answered() {
        return answeredAt != null;
    }
}
