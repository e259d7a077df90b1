package ma.salonsess.surveys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Metrics;
import ma.salonsess.shared.survey.Survey;
import ma.salonsess.shared.survey.SurveyAnswerForm;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.survey.SurveyResults;
import ma.salonsess.shared.survey.SurveySchedules;
import ma.salonsess.shared.survey.SurveyToken;
import ma.salonsess.shared.time.Rfc3339;
import ma.salonsess.shared.workshop.ScheduledWorkshop;
import ma.salonsess.shared.workshop.WorkshopRepository;

/**
 * The survey routes: the questionnaire behind a personal link and its one answer (public, the
 * token is the only key), and for organisers the dispatch on demand and the results.
 */
public final class SurveysHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String QUESTIONNAIRE = "GET /surveys/{token}";
    static final String ANSWER = "POST /surveys/{token}";
    static final String DISPATCH = "POST /admin/fairs/{fairId}/surveys";
    static final String RESULTS = "GET /admin/fairs/{fairId}/survey-results";
    private final FairRepository fairs;
    private final WorkshopRepository workshops;
    private final SurveyRepository surveys;
    private final SurveySchedules schedules;
    private final Clock clock;
    private final Router router = new Router(Map.of(QUESTIONNAIRE, this::questionnaire, ANSWER, this::answer,
            DISPATCH, this::dispatch, RESULTS, this::results));

    public SurveysHandler() {
        this(Env.system());
    }

    public SurveysHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** With a clock: tests stand after the fair. */
    public SurveysHandler(Env env, Clock clock) {
        Wiring wiring = new Wiring(env);
        this.fairs = wiring.fairs();
        this.workshops = wiring.workshops();
        this.surveys = wiring.surveys();
        this.schedules = wiring.surveySchedules();
        this.clock = clock;
        Priming.register("SurveysFunction", this, SurveysPriming::samples);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    private HttpResponse questionnaire(HttpRequest request) {
        Survey survey = survey(request);
        Fair fair = fairs.find(survey.fairId()).orElseThrow(() -> surveyNotFound());
        return HttpResponse.json(200, QuestionnaireView.of(survey, fair, heldSeats(survey)))
                .withHeader("cache-control", "no-store");
    }

    private HttpResponse answer(HttpRequest request) {
        Survey survey = survey(request);
        ObjectNode body = JsonRequestBody.read(request);
        if (survey.answered()) {
            throw answeredAlready();
        }
        Set<String> offered = heldSeats(survey).keySet();
        return switch (SurveyAnswerForm.read(body, survey.questionnaire(), offered)) {
            case SurveyAnswerForm.Invalid invalid -> Problem.validation(invalid.errors()).at(request.path()).toResponse();
            case SurveyAnswerForm.Valid valid -> {
                Instant now = clock.instant();
                if (!surveys.answer(survey.key(), valid.answers(), now)) {
                    throw answeredAlready();
                }
                Metrics.count(survey.fairId(), Metrics.SURVEYS_ANSWERED);
                yield HttpResponse.json(201, Json.object().put("status", "ANSWERED").put("answeredAt", Rfc3339.format(now)));
            }
        };
    }

    private HttpResponse dispatch(HttpRequest request) {
        Fair fair = OrganiserAccess.requireFair(request, fairs::find);
        Instant now = clock.instant();
        if (!fair.isOver(now)) {
            throw new ProblemException(Problem.of(409, "fair-not-over", "The fair is not over",
                    "Surveys go out once the fair has ended, from " + fair.endsAt().toOffsetDateTime() + ".")
                    .at(request.path()));
        }
        schedules.invitations(fair.fairId(), now);
        return HttpResponse.json(202, Json.object().put("fairId", fair.fairId()).put("round", "INVITATIONS")
                .put("startsAt", Rfc3339.format(now)));
    }

    private HttpResponse results(HttpRequest request) {
        Fair fair = OrganiserAccess.requireFair(request, fairs::find);
        SurveyResults results = new SurveyResults();
        surveys.forEachInFair(fair.fairId(), results::add);
        return HttpResponse.json(200, SurveyResultsView.of(fair, results, workshops.programme(fair.fairId())))
                .withHeader("cache-control", "no-store");
    }

    /** The workshops this registrant held a seat in, by id, in programme order. */
    private Map<String, ScheduledWorkshop> heldSeats(Survey survey) {
        if (survey.workshopIds().isEmpty()) {
            return Map.of();
        }
        return workshops.programme(survey.fairId()).stream()
                .filter(w -> survey.workshopIds().contains(w.workshop().workshopId()))
                .collect(Collectors.toMap(w -> w.workshop().workshopId(), w -> w, (a, b) -> a,
                        LinkedHashMap::new));
    }

    private Survey survey(HttpRequest request) {
        return SurveyToken.keyOf(request.pathParameter("token")).flatMap(surveys::find)
                .orElseThrow(() -> surveyNotFound());
    }

    /** The same answer for a token never issued, altered or erased: nothing to learn from it. */
    private static ProblemException surveyNotFound() {
        return new ProblemException(Problem.of(404, "survey-not-found", "Survey not found",
                "This survey link is not valid. Use the link from your invitation email.").at("/surveys"));
    }

    private static ProblemException answeredAlready() {
        return new ProblemException(Problem.of(409, "survey-answered", "Survey already answered",
                "This survey has been answered; answers cannot be changed.").at("/surveys"));
    }
}
