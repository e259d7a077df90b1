package ma.salonsess.shared.survey;

import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Registration;

/** Sends one survey email (invitation or reminder) in the registrant's language. */
public interface SurveyPostman {

    /**
     * @return the message id
     * @throws Undeliverable when the address is refused for good; any other exception is
     *                       passing, and the dispatch stops so that its retry sends the email
     */
    String send(SurveyRound round, Registration registrant, Fair fair, String surveyLink);

    /** The email service refused this message, and would refuse it again. */
    final class Undeliverable extends RuntimeException {
        public Undeliverable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
