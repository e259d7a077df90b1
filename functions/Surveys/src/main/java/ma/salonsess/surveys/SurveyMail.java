package ma.salonsess.surveys;

import java.util.List;
import java.util.Map;
import ma.salonsess.shared.email.EmailTemplates;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.survey.SurveyPostman;
import ma.salonsess.shared.survey.SurveyRound;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** The survey invitation and reminder, from the templates, in the registrant's language, through SES. */
final class SurveyMail implements SurveyPostman {
    static final String INVITATION = "survey-invitation";
    static final String REMINDER = "survey-reminder";
    private final EmailTemplates templates = new EmailTemplates(List.of(INVITATION, REMINDER));
    private final Mailer mailer;

    SurveyMail(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String send(SurveyRound round, Registration r, Fair fair, String surveyLink) {
        var email = templates.render(round == SurveyRound.INVITATIONS ? INVITATION : REMINDER, r.language(),
                Map.of("name", r.firstName() + " " + r.lastName(), "fair", fair.name().in(r.language()),
                        "city", fair.city(), "link", surveyLink));
        try {
            return mailer.send(r.email().value(), email, List.of());
        } catch (SesV2Exception e) {
            if (Mailer.retryable(e)) {
                throw e;
            }
            throw new Undeliverable("SES refused the message: " + e.awsErrorDetails().errorCode(), e);
        }
    }
}
