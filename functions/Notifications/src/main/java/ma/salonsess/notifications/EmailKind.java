package ma.salonsess.notifications;

import java.util.Arrays;
import java.util.List;
import ma.salonsess.shared.email.EmailChoice;

/** The emails registrants receive; each has a template per language under /templates. */
public enum EmailKind {
    REGISTRATION_CONFIRMED("registration-confirmed"),
    SEAT_CONFIRMED("seat-confirmed"),
    WAITLISTED("waitlisted"),
    PROMOTED("promoted"),
    SIGNUP_CANCELLED("signup-cancelled");

    private final String template;

    EmailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** The email {@link EmailChoice} chose. */
    static EmailKind of(EmailChoice.Email email) {
        return switch (email) {
            case REGISTRATION_CONFIRMED -> REGISTRATION_CONFIRMED;
            case SEAT_CONFIRMED -> SEAT_CONFIRMED;
            case WAITLISTED -> WAITLISTED;
            case PROMOTED -> PROMOTED;
            case SIGNUP_CANCELLED -> SIGNUP_CANCELLED;
        };
    }

    static List<String> templates() {
        return Arrays.stream(values()).map(EmailKind::template).toList();
    }
}
