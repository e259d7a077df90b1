package ma.salonsess.shared.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.validation.FieldError;
import ma.salonsess.shared.validation.FormReader;

/**
 * Access links: whoever can read an address's mail can get its registration back (a new access
 * token), even if someone else registered it. Asking always gets the same answer, registered or
 * not; only a registered address gets an email, with a one-time secret valid 30 minutes that is
 * stored only as a hash.
 */
public final class AccessLinks {
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Conflicting updates of one address's request log before giving up (two at once is already rare). */
    private static final int ATTEMPTS = 5;
    private final FairRepository fairs;
    private final RegistrationRepository registrations;
    private final AccessLinkRepository links;
    private final Sender sender;
    private final Clock clock;

    /** Emails a link's secret to its registrant; a failure is the sender's to report, not the asker's. */
    @FunctionalInterface
    public interface Sender {
        void send(Registration registrant, Fair fair, String secret, Instant validUntil);
    }

    /** How asking for a link ended. */
    public sealed interface Requested {
    }

    /** The same for every address: sent if registered. */
    public record Accepted() implements Requested {
    }

    public record Limited(Duration retryAfter) implements Requested {
    }

    public record FairNotFound() implements Requested {
    }

    public record InvalidRequest(List<FieldError> errors) implements Requested {
    }

    /** How redeeming a link ended. */
    public sealed interface Redeemed {
    }

    /** The registration, and its new access token (the old one is retired). */
    public record Granted(String registrationId, AccessToken accessToken) implements Redeemed {
    }

    public record UnknownLink() implements Redeemed {
    }

    /** Used once already, or past its 30 minutes. */
    public record SpentLink() implements Redeemed {
    }

    public record InvalidSecret(List<FieldError> errors) implements Redeemed {
    }

    public AccessLinks(FairRepository fairs, RegistrationRepository registrations, AccessLinkRepository links,
                       Sender sender, Clock clock) {
        this.fairs = fairs;
        this.registrations = registrations;
        this.links = links;
        this.sender = sender;
        this.clock = clock;
    }

    public Requested request(String fairId, JsonNode body) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("email"));
        Optional<EmailAddress> email = form.text(body, "email", "email", true, 254).flatMap(typed -> {
            Optional<EmailAddress> parsed = EmailAddress.parse(typed);
            if (parsed.isEmpty()) {
                form.fail("email", "invalid_format", "Not a valid email address.");
            }
            return parsed;
        });
        if (form.hasErrors()) {
            return new InvalidRequest(form.errors());
        }
        Optional<Fair> fair = fairs.find(fairId);
        if (fair.isEmpty()) {
            return new FairNotFound();
        }
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            AccessLinkRepository.RequestLog log = links.requests(fairId, email.get());
            var decision = AccessLinkPolicy.decide(log.times(), now);
            if (decision instanceof AccessLinkPolicy.Limited limited) {
                return new Limited(limited.retryAfter());
            }
            if (links.saveRequests(fairId, email.get(), log, ((AccessLinkPolicy.Allowed) decision).requests(),
                    now.plus(AccessLinkPolicy.WINDOW))) {
                break;
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("Too many concurrent access link requests for one address");
            }
        }
        Optional<Registration> registrant = registrations.findByEmail(fairId, email.get());
        if (registrant.isPresent()) {
            AccessToken secret = AccessToken.generate();
            Instant validUntil = now.plus(AccessLinkPolicy.VALIDITY);
            links.saveLink(secret.hash(), fairId, registrant.get().registrationId(), validUntil);
            sender.send(registrant.get(), fair.get(), secret.value(), validUntil);
        }
        return new Accepted();
    }

    public Redeemed redeem(String fairId, JsonNode body) {
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("secret"));
        Optional<String> secret = form.text(body, "secret", "secret", true, 100);
        if (secret.isPresent() && !SECRET.matcher(secret.get()).matches()) {
            form.fail("secret", "invalid_format", "Not an access link's secret.");
        }
        if (form.hasErrors()) {
            return new InvalidSecret(form.errors());
        }
        var redemption = links.redeem(new AccessToken(secret.get()).hash(), fairId, clock.instant());
        return switch (redemption) {
            case AccessLinkRepository.Unknown unknown -> new UnknownLink();
            case AccessLinkRepository.Spent spent -> new SpentLink();
            case AccessLinkRepository.Redeemed redeemed -> {
                AccessToken token = AccessToken.generate();
                yield registrations.replaceAccessToken(fairId, redeemed.registrationId(), token.hash())
                        ? new Granted(redeemed.registrationId(), token) : new UnknownLink();
            }
        };
    }
}
