package ma.salonsess.notifications;

import java.util.Arrays;
import java.util.List;

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

    static List<String> templates() {
        return Arrays.stream(values()).map(EmailKind::template).toList();
    }
}
