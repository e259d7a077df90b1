package ma.salonsess.shared.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.idempotency.IdempotencyKey;
import ma.salonsess.shared.idempotency.IdempotencyStore;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.validation.FieldError;

/** Registering for a fair, and a registrant reading or erasing their own registration. */
public final class Registrations {
    private final FairRepository fairs;
    private final RegistrationRepository registrations;
    private final IdempotencyStore idempotency;
    private final Supplier<RegistrationPolicy> policy;
    private final Clock clock;

    /** How a registration attempt ended. */
    public sealed interface Outcome {
    }

    /** Registered now, or earlier by the same request ({@code replayed}). */
    public record Registered(RegistrationReceipt receipt, boolean replayed) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    public record FairNotFound(String fairId) implements Outcome {
    }

    public record EmailAlreadyRegistered() implements Outcome {
    }

    /** The Idempotency-Key was used before with a different request. */
    public record KeyReused() implements Outcome {
    }

    public Registrations(FairRepository fairs, RegistrationRepository registrations, IdempotencyStore idempotency,
                         RegistrationPolicy policy, Clock clock) {
        this(fairs, registrations, idempotency, () -> policy, clock);
    }

    /** With the policy read for each registration (the privacy notice's version is a run-time setting). */
    public Registrations(FairRepository fairs, RegistrationRepository registrations, IdempotencyStore idempotency,
                         Supplier<RegistrationPolicy> policy, Clock clock) {
        this.fairs = fairs;
        this.registrations = registrations;
        this.idempotency = idempotency;
        this.policy = policy;
        this.clock = clock;
    }

    public Outcome register(String fairId, JsonNode form, Optional<IdempotencyKey> key) {
        var read = RegistrationForm.read(form);
        if (read instanceof RegistrationForm.Invalid invalid) {
            return new Invalid(invalid.errors());
        }
        RegistrationRequest request = ((RegistrationForm.Valid) read).request();
        String fingerprint = IdempotencyStore.fingerprint(fairId, Json.canonical(form));
        if (key.isPresent()) {
            var earlier = idempotency.find(key.get());
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        Optional<Fair> fair = fairs.find(fairId);
        if (fair.isEmpty()) {
            return new FairNotFound(fairId);
        }
        Instant now = clock.instant();
        RegistrationPolicy policy = this.policy.get();
        AccessToken token = AccessToken.generate();
        Registration registration = new Registration(UUID.randomUUID().toString(), fairId, request.role(),
                Registration.Status.CONFIRMED, request.firstName(), request.lastName(), request.arabicName(),
                request.email(), request.phone(), request.language(), request.organisation(),
                new Consent(request.consentPhotos(), request.consentShareWithExhibitors(), request.consentSurveys(),
                        policy.privacyNoticeVersion(), request.language(), now),
                BadgeState.pending(), token.hash(), now,
                fair.get().endsAt().toInstant().plus(policy.retentionAfterFair()), 1);
        RegistrationReceipt receipt = new RegistrationReceipt(registration.registrationId(), fairId,
                registration.role(), registration.status(), token.value(), registration.badge().status());
        try {
            registrations.create(registration,
                    key.map(k -> idempotency.claim(k, fingerprint, Json.write(receipt.toJson()))),
                    key.map(IdempotencyKey::recordId));
            return new Registered(receipt, false);
        } catch (RegistrationRepository.CompanionWriteFailed e) {
            // The same key was being used by a concurrent request, which won: answer as a retry would.
            return idempotency.find(key.orElseThrow())
                    .map(stored -> replay(stored, fingerprint))
                    .orElseThrow(() -> new IllegalStateException("Idempotency record vanished"));
        } catch (RegistrationRepository.EmailAlreadyRegistered e) {
            return new EmailAlreadyRegistered();
        }
    }

    private static Outcome replay(IdempotencyStore.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            return new KeyReused();
        }
        return new Registered(RegistrationReceipt.fromJson(stored.payload()), true);
    }

    /** The registration, if {@code token} is its access token (see {@link RegistrationRepository#findOwned}). */
    public Optional<Registration> findOwn(String fairId, String registrationId, AccessToken token) {
        return registrations.findOwned(fairId, registrationId, token);
    }

    /**
     * Erases a registration at its registrant's request; false when there was none for this token.
     * The idempotency record of the request that created it goes in the same transaction: a retry
     * of that request must not be answered with the erased registration.
     */
    public boolean eraseOwn(String fairId, String registrationId, AccessToken token) {
        Optional<Registration> registration = findOwn(fairId, registrationId, token);
        registration.ifPresent(r -> registrations.delete(r, registrations.idempotencyRecord(fairId, registrationId)
                .map(idempotency::release).stream().toList()));
        return registration.isPresent();
    }
}
