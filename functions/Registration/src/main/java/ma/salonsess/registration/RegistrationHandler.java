package ma.salonsess.registration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ma.salonsess.shared.auth.RegistrantAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.idempotency.IdempotencyKey;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.registration.AccessLinkPolicy;
import ma.salonsess.shared.registration.AccessLinks;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.RegistrationPolicy;
import ma.salonsess.shared.registration.Registrations;
import ma.salonsess.shared.snapstart.FairAnswers;
import ma.salonsess.shared.snapstart.Priming;

/**
 * The registration routes of the public API:
 * {@code POST /fairs/{fairId}/registrations}, and for a registrant with their access token
 * {@code GET} and {@code DELETE /fairs/{fairId}/registrations/{registrationId}}; and access links
 * ({@code POST /fairs/{fairId}/access-links}, {@code .../redeem}) that give a new access token to
 * whoever reads the registered address's mail.
 */
public final class RegistrationHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String REGISTER = "POST /fairs/{fairId}/registrations";
    static final String READ = "GET /fairs/{fairId}/registrations/{registrationId}";
    static final String ERASE = "DELETE /fairs/{fairId}/registrations/{registrationId}";
    static final String REQUEST_ACCESS_LINK = "POST /fairs/{fairId}/access-links";
    static final String REDEEM_ACCESS_LINK = "POST /fairs/{fairId}/access-links/redeem";

    private final Registrations registrations;
    private final AccessLinks accessLinks;
    private final BadgeLinks badgeLinks;
    private final Router router = new Router(Map.of(REGISTER, this::register, READ, this::read, ERASE, this::erase,
            REQUEST_ACCESS_LINK, this::requestAccessLink, REDEEM_ACCESS_LINK, this::redeemAccessLink));

    /** Used by Lambda: configuration from the environment. */
    public RegistrationHandler() {
        this(Env.system());
    }

    public RegistrationHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** Wiring happens once per container, here; tests pass a clock to see links expire. */
    public RegistrationHandler(Env env, Clock clock) {
        Wiring wiring = new Wiring(env, clock);
        Supplier<RegistrationPolicy> policy = wiring.registrationPolicy();
        this.registrations = new Registrations(wiring.fairs(), wiring.registrations(), wiring.idempotency(clock),
                policy, clock);
        this.accessLinks = new AccessLinks(wiring.fairs(), wiring.registrations(), wiring.accessLinks(),
                new AccessLinkEmail(wiring.mailer(wiring.ses()), wiring.publicSite()), clock);
        this.badgeLinks = new BadgeLinks(env);
        // After a restore: the settings read (and kept a minute), and DynamoDB's connection opened by a
        // read of a fair id no fair can have (ids are slugs of 2 to 64 characters).
        Priming.register("RegistrationFunction", this, RegistrationPriming::samples, new FairAnswers(), () -> {
            policy.get();
            wiring.fairs().find("-");
        });
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    private HttpResponse register(HttpRequest request) {
        String fairId = request.pathParameter("fairId");
        var body = JsonRequestBody.read(request);
        Optional<IdempotencyKey> key = Optional.empty();
        Optional<String> header = request.header("idempotency-key");
        if (header.isPresent()) {
            key = IdempotencyKey.parse(REGISTER, header.get());
            if (key.isEmpty()) {
                throw new ProblemException(Problem.of(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                        "The Idempotency-Key header must be 1 to 255 visible ASCII characters.").at(request.path()));
            }
        }
        var outcome = registrations.register(fairId, body, key);
        if (outcome instanceof Registrations.Registered registered && !registered.replayed()) {
            Metrics.count(fairId, Metrics.REGISTRATIONS);
        }
        return switch (outcome) {
            case Registrations.Registered registered -> HttpResponse.json(201, registered.receipt().toJson())
                    .withHeader("location", "/fairs/" + fairId + "/registrations/"
                            + registered.receipt().registrationId())
                    .withHeader("idempotent-replayed", Boolean.toString(registered.replayed()));
            case Registrations.Invalid invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
            case Registrations.FairNotFound notFound -> Problems.fairNotFound(request).toResponse();
            case Registrations.EmailAlreadyRegistered taken -> Problem.of(409, "email-already-registered",
                    "Already registered", "This email address is already registered for this fair. "
                            + "Use the access token you received to see or change that registration.")
                    .at(request.path()).toResponse();
            case Registrations.KeyReused reused -> Problem.of(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was already used with a different request.")
                    .at(request.path()).toResponse();
        };
    }

    private HttpResponse read(HttpRequest request) {
        AccessToken token = RegistrantAccess.requireToken(request);
        return registrations.findOwn(request.pathParameter("fairId"), request.pathParameter("registrationId"), token)
                .map(registration -> HttpResponse.json(200, RegistrationView.of(registration, badgeLinks))
                        .withHeader("cache-control", "no-store"))
                .orElseGet(() -> Problems.registrationNotFound(request).toResponse());
    }

    private HttpResponse erase(HttpRequest request) {
        AccessToken token = RegistrantAccess.requireToken(request);
        boolean erased = registrations.eraseOwn(request.pathParameter("fairId"),
                request.pathParameter("registrationId"), token);
        return erased ? HttpResponse.noContent() : Problems.registrationNotFound(request).toResponse();
    }

    private HttpResponse requestAccessLink(HttpRequest request) {
        return switch (accessLinks.request(request.pathParameter("fairId"), JsonRequestBody.read(request))) {
            case AccessLinks.Accepted accepted -> HttpResponse.json(202, Json.object().put("message",
                    "If this address is registered for this fair, a link valid "
                            + AccessLinkPolicy.VALIDITY.toMinutes() + " minutes has been sent to it."));
            case AccessLinks.Limited limited -> Problem.of(429, "too-many-access-links", "Too many access links",
                            "At most " + AccessLinkPolicy.MAX_PER_WINDOW + " links per address per hour. Try again later.")
                    .at(request.path()).toResponse()
                    .withHeader("retry-after", Long.toString(limited.retryAfter().toSeconds()));
            case AccessLinks.FairNotFound notFound -> Problems.fairNotFound(request).toResponse();
            case AccessLinks.InvalidRequest invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
        };
    }

    private HttpResponse redeemAccessLink(HttpRequest request) {
        String fairId = request.pathParameter("fairId");
        return switch (accessLinks.redeem(fairId, JsonRequestBody.read(request))) {
            case AccessLinks.Granted granted -> HttpResponse.json(200, Json.object()
                            .put("fairId", fairId)
                            .put("registrationId", granted.registrationId())
                            .put("accessToken", granted.accessToken().value()))
                    .withHeader("cache-control", "no-store");
            case AccessLinks.UnknownLink unknown -> Problem.of(404, "access-link-not-found", "Access link not found",
                    "No access link with this secret for this fair.").at(request.path()).toResponse();
            case AccessLinks.SpentLink spent -> Problem.of(410, "access-link-spent", "Access link used or expired",
                    "This link was already used or has expired. Ask for a new one.").at(request.path()).toResponse();
            case AccessLinks.InvalidSecret invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
        };
    }
}
