package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import ma.salonsess.shared.auth.RegistrantAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.fair.PublicFairView;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.snapstart.FairAnswers;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.text.LocalizedTextJson;
import ma.salonsess.shared.time.Rfc3339;
import ma.salonsess.shared.validation.FormReader;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.shared.workshop.WorkshopView;

/**
 * The public workshop routes: a fair's public description, its programme with its free seats, and a registrant signing up
 * for a workshop or cancelling, with their access token.
 */
public final class WorkshopsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String FAIR = "GET /fairs/{fairId}";
    static final String PROGRAMME = "GET /fairs/{fairId}/workshops";
    static final String SIGN_UP = "POST /fairs/{fairId}/workshops/{workshopId}/signups";
    static final String CANCEL = "DELETE /fairs/{fairId}/workshops/{workshopId}/signups/{registrationId}";

    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final WorkshopSignups signups;
    private final Router router = new Router(Map.of(FAIR, this::fair, PROGRAMME, this::programme, SIGN_UP, this::signUp,
            CANCEL, this::cancel));

    public WorkshopsHandler() {
        this(Env.system());
    }

    public WorkshopsHandler(Env env) {
        Wiring wiring = new Wiring(env);
        this.fairs = wiring.fairs();
        this.workshops = wiring.workshops();
        this.signups = new WorkshopSignups(wiring.registrations(), workshops, wiring.signups(), Clock.systemUTC());
        Priming.register("WorkshopsFunction", this, WorkshopsPriming::samples, new FairAnswers());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    /** What the site's fair page shows of the fair itself (never its organisers' addresses). */
    private HttpResponse fair(HttpRequest request) {
        String fairId = request.pathParameter("fairId");
        return fairs.find(fairId)
                .map(fair -> HttpResponse.json(200, PublicFairView.of(fair)).withHeader("cache-control", "public, max-age=60"))
                .orElseGet(() -> Problem.of(404, "fair-not-found", "Fair not found", "There is no fair with this id.")
                        .at(request.path()).toResponse());
    }

    private HttpResponse programme(HttpRequest request) {
        String fairId = request.pathParameter("fairId");
        if (fairs.find(fairId).isEmpty()) {
            return Problems.fairNotFound(request).toResponse();
        }
        ObjectNode body = Json.object().put("fairId", fairId);
        var list = body.putArray("workshops");
        workshops.publicProgramme(fairId).forEach(w -> list.add(WorkshopView.of(w)));
        // Seats left may be a few seconds old: the sign-up itself always decides on fresh counts.
        return HttpResponse.json(200, body).withHeader("cache-control", "public, max-age=5");
    }

    private HttpResponse signUp(HttpRequest request) {
        AccessToken token = RegistrantAccess.requireToken(request);
        JsonNode body = JsonRequestBody.read(request);
        FormReader form = new FormReader();
        form.rejectUnknown(body, "", Set.of("registrationId"));
        var registrationId = form.text(body, "registrationId", "registrationId", true, 64);
        if (form.hasErrors()) {
            return Problem.validation(form.errors()).at(request.path()).toResponse();
        }
        String fairId = request.pathParameter("fairId");
        String workshopId = request.pathParameter("workshopId");
        var outcome = signups.signUp(fairId, workshopId, registrationId.orElseThrow(), token);
        if (outcome instanceof WorkshopSignups.Signed signed && !signed.existing()) {
            Metrics.count(fairId, Metrics.SIGNUPS);
        }
        return switch (outcome) {
            case WorkshopSignups.Signed signed -> HttpResponse.json(signed.existing() ? 200 : 201, view(signed))
                    .withHeader("location", "/fairs/" + fairId + "/workshops/" + workshopId + "/signups/"
                            + signed.signup().registrationId());
            case WorkshopSignups.Overlap overlap -> Problem.of(409, "overlap", "Overlaps another workshop",
                            "You already hold a seat in a workshop at the same time: "
                                    + overlap.other().title().fr() + ".")
                    .at(request.path()).with("code", "overlap")
                    .with("conflictingWorkshopId", overlap.other().workshopId())
                    .with("conflictingWorkshopTitle", LocalizedTextJson.of(overlap.other().title())).toResponse();
            case WorkshopSignups.RegistrationNotFound none -> Problems.registrationNotFound(request).toResponse();
            case WorkshopSignups.WorkshopNotFound none -> Problems.workshopNotFound(request).toResponse();
            case WorkshopSignups.Busy busy -> busy(request);
            case WorkshopSignups.WaitlistFull full -> Problem.of(409, "waitlist-full", "Workshop and waiting list full",
                    "This workshop is full and its waiting list too. Nothing was changed.").at(request.path())
                    .with("code", "waitlist_full").toResponse();
        };
    }

    private HttpResponse cancel(HttpRequest request) {
        AccessToken token = RegistrantAccess.requireToken(request);
        return switch (signups.cancel(request.pathParameter("fairId"), request.pathParameter("workshopId"),
                request.pathParameter("registrationId"), token)) {
            case WorkshopSignups.Cancelled done -> HttpResponse.noContent();
            case WorkshopSignups.NotSignedUp none -> Problem.of(404, "signup-not-found", "Not signed up",
                    "This registration has no signup for this workshop.").at(request.path()).toResponse();
            case WorkshopSignups.RegistrationNotFound none -> Problems.registrationNotFound(request).toResponse();
            case WorkshopSignups.Busy busy -> busy(request);
        };
    }

    private static ObjectNode view(WorkshopSignups.Signed signed) {
        Signup s = signed.signup();
        ObjectNode node = Json.object();
        node.put("fairId", s.fairId());
        node.put("workshopId", s.workshopId());
        node.put("registrationId", s.registrationId());
        node.put("status", s.status().name());
        if (s.status() == Signup.Status.WAITLISTED) {
            node.put("waitlistPosition", signed.waitlistPosition());
        }
        node.put("signedUpAt", Rfc3339.format(s.createdAt()));
        return node;
    }

    private static HttpResponse busy(HttpRequest request) {
        return Problem.of(503, "busy", "Too many sign-ups at once",
                "Nothing was changed; try again in a moment.").at(request.path()).toResponse()
                .withHeader("retry-after", "1");
    }
}
