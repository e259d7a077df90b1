package ma.salonsess.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.email.EmailTemplates;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.AccessLinkPolicy;
import ma.salonsess.shared.registration.AccessLinks;
import ma.salonsess.shared.registration.Registration;

/**
 * The access link email, in the registrant's language. The secret travels only in the link's
 * fragment ({@code #...}): browsers do not send a fragment to any server, so it never reaches a
 * web server's logs, a proxy or a Referer header.
 */
final class AccessLinkEmail implements AccessLinks.Sender {
    static final String TEMPLATE = "access-link";
    private final EmailTemplates templates = new EmailTemplates(List.of(TEMPLATE));
    private final Mailer mailer;
    private final String site;

    AccessLinkEmail(Mailer mailer, String site) {
        this.mailer = mailer;
        this.site = site;
    }

    @Override
    public void send(Registration r, Fair fair, String secret, Instant validUntil) {
        String link = site + "/fairs/" + r.fairId() + "/access#" + secret;
        try {
            mailer.send(r.email().value(), templates.render(TEMPLATE, r.language(), Map.of(
                    "name", r.firstName() + " " + r.lastName(),
                    "fair", fair.name().in(r.language()),
                    "minutes", Long.toString(AccessLinkPolicy.VALIDITY.toMinutes()),
                    "link", link)), List.of());
        } catch (RuntimeException e) {
            // The asker gets the same answer either way (an error only for registered addresses
            // would tell them apart); they can ask again. Logged with nothing that names the person.
            System.err.println("An access link email failed: " + e.getClass().getName());
        }
    }
}
