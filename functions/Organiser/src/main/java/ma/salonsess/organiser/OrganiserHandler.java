package ma.salonsess.organiser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.fair.FairView;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.organiser.FairSetup;
import ma.salonsess.shared.organiser.SignupList;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.snapstart.FairAnswers;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.time.Rfc3339;
import ma.salonsess.shared.survey.SurveyStart;
import java.time.Duration;
import ma.salonsess.shared.workshop.WorkshopView;

/**
 * The organiser routes under {@code /admin}: set up a fair and its workshops, see who signed up.
 * API Gateway's JWT authorizer lets only valid tokens through; each route also checks that the
 * caller is an admin or one of the fair's organisers ({@link OrganiserAccess}) before doing anything.
 */
public final class OrganiserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String PUT_FAIR = "PUT /admin/fairs/{fairId}";
    static final String PUT_WORKSHOP = "PUT /admin/fairs/{fairId}/workshops/{workshopId}";
    static final String SIGNUPS = "GET /admin/fairs/{fairId}/workshops/{workshopId}/signups";

    private final FairSetup setup;
    private final FairRepository fairs;
    private final Router router = new Router(Map.of(PUT_FAIR, this::putFair, PUT_WORKSHOP, this::putWorkshop,
            SIGNUPS, this::signups));

    public OrganiserHandler() {
        this(Env.system());
    }

    public OrganiserHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** @param clock when fairs are saved: a survey is set only for a fair that ends after it */
    public OrganiserHandler(Env env, Clock clock) {
        Wiring wiring = new Wiring(env);
        IntSupplier surveyDelayHours = wiring.intSetting("SURVEY_DELAY_HOURS_PARAMETER");
        this.fairs = wiring.fairs();
        this.setup = new FairSetup(fairs, wiring.workshops(), wiring.signups(), wiring.registrations(),
                new WorkshopSignups(wiring.registrations(), wiring.workshops(), wiring.signups(), clock),
                new SurveyStart(wiring.surveySchedules(),
                        () -> Duration.ofHours(surveyDelayHours.getAsInt()), clock), clock);
        Priming.register("OrganiserFunction", this, OrganiserPriming::samples, new FairAnswers());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    private HttpResponse putFair(HttpRequest request) {
        OrganiserAccess.Caller caller = OrganiserAccess.caller(request);
        var body = JsonRequestBody.read(request);
        return answer(request, setup.saveFair(request.pathParameter("fairId"), body, caller));
    }

    private HttpResponse putWorkshop(HttpRequest request) {
        OrganiserAccess.requireFair(request, fairs::find);
        var body = JsonRequestBody.read(request);
        return answer(request, setup.saveWorkshop(request.pathParameter("fairId"), request.pathParameter("workshopId"),
                body));
    }

    private HttpResponse signups(HttpRequest request) {
        OrganiserAccess.requireFair(request, fairs::find);
        return answer(request, setup.signups(request.pathParameter("fairId"), request.pathParameter("workshopId")));
    }

    private static HttpResponse answer(HttpRequest request, FairSetup.FairSaving outcome) {
        return switch (outcome) {
            case FairSetup.FairSaved saved -> HttpResponse.json(saved.created() ? 201 : 200, FairView.of(saved.fair()));
            case FairSetup.Invalid invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
            case FairSetup.Forbidden forbidden -> forbidden.why().refusal(request).problem().toResponse();
        };
    }

    private static HttpResponse answer(HttpRequest request, FairSetup.WorkshopSaving outcome) {
        return switch (outcome) {
            case FairSetup.WorkshopSaved saved -> HttpResponse.json(saved.created() ? 201 : 200,
                    WorkshopView.of(saved.workshop()));
            case FairSetup.Invalid invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
            case FairSetup.FairNotFound none -> Problems.fairNotFound(request).toResponse();
            case FairSetup.CapacityBelowSeatsTaken below -> Problem.of(409, "capacity-below-seats-taken",
                            "Capacity below seats taken", below.seatsTaken() + " people already hold a seat; "
                                    + "the capacity cannot be lower. Nobody was unseated and nothing was changed.")
                    .at(request.path()).with("seatsTaken", Json.MAPPER.getNodeFactory().numberNode(below.seatsTaken()))
                    .toResponse();
        };
    }

    private static HttpResponse answer(HttpRequest request, FairSetup.SignupListing outcome) {
        return switch (outcome) {
            case FairSetup.Listed listed -> HttpResponse.json(200, view(listed.list()))
                    .withHeader("cache-control", "no-store");
            case FairSetup.FairNotFound none -> Problems.fairNotFound(request).toResponse();
            case FairSetup.WorkshopNotFound none -> Problems.workshopNotFound(request).toResponse();
        };
    }

    private static ObjectNode view(SignupList list) {
        ObjectNode body = Json.object();
        body.set("confirmed", attendees(list.confirmed()));
        body.set("waitlist", attendees(list.waitlist()));
        return body;
    }

    private static ArrayNode attendees(List<SignupList.Attendee> attendees) {
        ArrayNode array = Json.array();
        for (SignupList.Attendee a : attendees) {
            ObjectNode node = array.addObject();
            if (a.position() > 0) {
                node.put("position", a.position());
            }
            node.put("registrationId", a.registrationId());
            if (a.registration() != null) {
                node.put("firstName", a.registration().firstName());
                node.put("lastName", a.registration().lastName());
                if (a.registration().arabicName() != null) {
                    node.put("arabicName", a.registration().arabicName());
                }
                node.put("email", a.registration().email().value());
                node.put("role", a.registration().role().name());
                if (a.registration().organisation() != null) {
                    node.put("organisation", a.registration().organisation().name());
                }
            }
            if (a.since() != null) {
                node.put("since", Rfc3339.format(a.since()));
            }
        }
        return array;
    }
}
