package ma.salonsess.surveys;

import static ma.salonsess.testsupport.ApiEvents.asOrganiser;
import static ma.salonsess.testsupport.ApiEvents.withBody;
import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SentEmail;
import ma.salonsess.organiser.OrganiserHandler;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.survey.Survey;
import ma.salonsess.shared.survey.SurveyRepository;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.RegistrationBuilder;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FaultySes;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import ma.salonsess.testsupport.StreamEvents;
import ma.salonsess.workshops.ErasureHandler;
import ma.salonsess.shared.survey.SurveyToken;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Post-fair surveys end to end on the local stack: the schedule set when the fair is saved, the
 * invitations it starts (in the SES emulator's store), answering through the link, the results.
 */
@ExtendWith(LocalAwsExtension.class)
class SurveysTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private static final Pattern LINK = Pattern.compile("https://\\S+/surveys#(SV1[A-Za-z0-9_-]{43})");
    /** Before the fair of events/admin-fair-put.json (18-21 March 2027): its survey is still to come. */
    private static final Clock WHEN_SAVED = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    /** The test fair runs 10 to 13 December 2026 (Casablanca); this is the morning after. */
    private static final Clock AFTER_THE_FAIR = Clock.fixed(Instant.parse("2026-12-14T09:00:00Z"), ZoneOffset.UTC);
    private LocalAws aws;
    private Env dispatchEnv;
    private SurveysHandler api;
    private RegistrationRepository registrations;
    private WorkshopSignups workshopSignups;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.dispatchEnv = aws.functionEnv("SurveyDispatchFunction");
        // This module's stack only: the send rate is a run-time setting (SSM), raised so tests do not wait.
        aws.ssm().putParameter(b -> b.name(dispatchEnv.require("SURVEY_SEND_RATE_PARAMETER")).value("1000")
                .type("String").overwrite(true));
        this.api = new SurveysHandler(aws.functionEnv("SurveysFunction"), AFTER_THE_FAIR);
        this.registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        WorkshopRepository workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        this.workshopSignups = new WorkshopSignups(registrations, workshops,
                new SignupRepository(aws.dynamoDb(), aws.tableName("SignupsTable"), workshops, registrations),
                Clock.systemUTC());
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 10, 10, 12);
        fixtures.workshop(fairId, "labellisation", 10, 14, 16);
        aws.mailbox().clear();
    }

    private record Person(String registrationId, String email) {
    }

    private Person register(String first, Role role, Language language, boolean surveys, String... workshops) {
        Instant now = Instant.now();
        AccessToken token = AccessToken.generate();
        String id = UUID.randomUUID().toString();
        String email = first.toLowerCase() + "-" + id.substring(0, 8) + "@example.org";
        Organisation org = role == Role.EXHIBITOR
                ? new Organisation("Coopérative " + first, OrganisationType.COOPERATIVE, Region.SOUSS_MASSA,
                Sector.LOCAL_PRODUCE) : null;
        registrations.create(RegistrationBuilder.in(fairId).id(id).role(role).named(first, "Test").email(email)
                .language(language).organisation(org).consent(false, false, surveys).accessToken(token).at(now)
                .retention(Duration.ofDays(400)).build(), Optional.empty());
        for (String workshop : workshops) {
            workshopSignups.signUp(fairId, workshop, id, token);
        }
        return new Person(id, email);
    }

    /** A Lambda context with as much time left as {@code timeLeft} says. */
    private static Context context(AtomicBoolean plentyOfTime) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                        ? (plentyOfTime.get() ? 900_000 : 1_000) : null);
    }

    private static Context plentyOfTime() {
        return context(new AtomicBoolean(true));
    }

    private String dispatch(SesV2Client ses, Map<String, Object> input, Context context) {
        return new SurveyDispatchHandler(dispatchEnv, ses, AFTER_THE_FAIR).handleRequest(input, context);
    }

    private Map<String, Object> invitations() {
        return Map.of("fairId", fairId, "round", "INVITATIONS");
    }

    private APIGatewayV2HTTPResponse call(String sample, String name, String value, String body) {
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load(sample), name, value);
        if (body != null) {
            event = withBody(event, body);
        }
        APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        return response;
    }

    private static String token(SentEmail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), "a survey link in " + mail.text());
        assertTrue(mail.html().contains("/surveys#" + m.group(1)), "the same link in the HTML part");
        return m.group(1);
    }

    private List<GetScheduleResponse> schedules(SchedulerClient scheduler) {
        String group = aws.functionEnv("SurveysFunction").require("SURVEY_SCHEDULE_GROUP");
        List<GetScheduleResponse> found = new ArrayList<>();
        for (var s : scheduler.listSchedules(b -> b.groupName(group)).schedules()) {
            GetScheduleResponse schedule = scheduler.getSchedule(b -> b.name(s.name()).groupName(group));
            if (schedule.target().input().contains("\"" + fairId + "\"")) {
                found.add(schedule);
            }
        }
        return found;
    }

    @Test
    void savingAFairSetsItsSurveyForItsEndPlusTheDelay() {
        var event = withPathParameter(ApiEvents.load("admin-fair-put.json"), "fairId", fairId);
        APIGatewayV2HTTPResponse saved = new OrganiserHandler(aws.functionEnv("OrganiserFunction"), WHEN_SAVED)
                .handleRequest(event, LambdaContext.forTest());
        assertEquals(200, saved.getStatusCode(), saved.getBody());

        try (SchedulerClient scheduler = aws.endpoints().schedulerClient()) {
            List<GetScheduleResponse> set = schedules(scheduler);
            assertEquals(1, set.size(), "one schedule for the fair");
            JsonNode fair = parse(event.getBody());
            // The fair's last day ends at midnight in Casablanca (UTC+1); two hours later is 01:00 UTC.
            String expected = "at(" + LocalDate.parse(fair.get("endDate").asText()).plusDays(1) + "T01:00:00)";
            assertEquals(expected, set.getFirst().scheduleExpression());
            assertEquals("UTC", set.getFirst().scheduleExpressionTimezone());
            assertEquals(aws.functionEnv("SurveysFunction").require("SURVEY_DISPATCH_FUNCTION_ARN"),
                    set.getFirst().target().arn());
            assertEquals("INVITATIONS", parse(set.getFirst().target().input()).get("round").asText());

            new OrganiserHandler(aws.functionEnv("OrganiserFunction"), WHEN_SAVED)
                    .handleRequest(event, LambdaContext.forTest());
            assertEquals(1, schedules(scheduler).size(), "saving again moves the schedule, adds none");
        }
    }

    @Test
    void theEndOfTheFairInvitesEachConsentingRegistrantOnceInTheirLanguage() {
        Person amal = register("Amal", Role.EXHIBITOR, Language.AR, true);
        Person brahim = register("Brahim", Role.VISITOR, Language.FR, true, "financement");
        Person clara = register("Clara", Role.PARTICIPANT, Language.EN, true);
        Person driss = register("Driss", Role.VISITOR, Language.FR, false);
        Person bounced = register("Bounced", Role.VISITOR, Language.FR, true);
        registrations.markUndeliverable(bounced.email(), "BOUNCE", Instant.now());

        String outcome = dispatch(aws.ses(), invitations(), plentyOfTime());

        assertTrue(outcome.contains("DONE") && outcome.contains("sent 3"), outcome);
        assertEquals(1, aws.mailbox().sentTo(amal.email()).size());
        assertEquals(1, aws.mailbox().sentTo(brahim.email()).size());
        assertEquals(1, aws.mailbox().sentTo(clara.email()).size());
        assertTrue(aws.mailbox().sentTo(driss.email()).isEmpty(), "no consent to surveys, no invitation");
        assertTrue(aws.mailbox().sentTo(bounced.email()).isEmpty(), "an address that bounced is not written to");
        SentEmail arabic = aws.mailbox().sentTo(amal.email()).getFirst();
        assertTrue(arabic.subject().startsWith("رأيكم في"), arabic.subject());
        assertTrue(arabic.html().contains("dir=\"rtl\""));
        assertTrue(aws.mailbox().sentTo(brahim.email()).getFirst().subject().startsWith("Votre avis"));
        assertTrue(aws.mailbox().sentTo(clara.email()).getFirst().subject().startsWith("Your view"));
        String link = token(arabic);
        assertFalse(link.contains(amal.registrationId()) || link.contains(fairId), "the link names nobody");

        String again = dispatch(aws.ses(), invitations(), plentyOfTime());
        assertTrue(again.contains("sent 0") && again.contains("already sent 3"), again);
        assertEquals(3, aws.mailbox().sent().size(), "run twice, nobody gets two invitations");

        try (SchedulerClient scheduler = aws.endpoints().schedulerClient()) {
            var reminder = schedules(scheduler).stream()
                    .filter(s -> parse(s.target().input()).get("round").asText().equals("REMINDERS")).findFirst().orElseThrow();
            // Five days (the template's default) after the invitations.
            assertEquals("at(2026-12-19T09:00:00)", reminder.scheduleExpression());
        }
    }

    @Test
    void beforeTheFairEndsNothingIsSentAndOrganisersAreTold() {
        register("Amal", Role.VISITOR, Language.FR, true);
        Clock duringTheFair = Clock.fixed(Instant.parse("2026-12-12T12:00:00Z"), ZoneOffset.UTC);
        String outcome = new SurveyDispatchHandler(dispatchEnv, aws.ses(), duringTheFair)
                .handleRequest(invitations(), plentyOfTime());
        assertTrue(outcome.contains("NOT_OVER"), outcome);
        assertTrue(aws.mailbox().sent().isEmpty());

        SurveysHandler early = new SurveysHandler(aws.functionEnv("SurveysFunction"), duringTheFair);
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("admin-surveys-post.json"), "fairId", fairId);
        APIGatewayV2HTTPResponse response = early.handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        assertEquals(409, response.getStatusCode());
        assertTrue(response.getBody().contains("fair-not-over"));
    }

    @Test
    void organisersStartTheDispatchOnDemandThroughAScheduleForNow() {
        APIGatewayV2HTTPResponse response = call("admin-surveys-post.json", "fairId", fairId, null);
        assertEquals(202, response.getStatusCode(), response.getBody());
        try (SchedulerClient scheduler = aws.endpoints().schedulerClient()) {
            var now = schedules(scheduler);
            assertEquals(1, now.size());
            assertEquals("at(2026-12-14T09:00:00)", now.getFirst().scheduleExpression());
        }
        var visitor = ApiEvents.load("admin-surveys-post.json");
        visitor.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[exhibitors]");
        assertEquals(403, api.handleRequest(withPathParameter(visitor, "fairId", fairId), LambdaContext.forTest()).getStatusCode());
    }

    @Test
    void anOrganiserOfAnotherFairNeitherStartsItsSurveyNorReadsItsResults() {
        register("Amal", Role.VISITOR, Language.FR, true);
        for (String sample : List.of("admin-surveys-post.json", "admin-survey-results-get.json")) {
            APIGatewayV2HTTPEvent event = asOrganiser(withPathParameter(ApiEvents.load(sample), "fairId", fairId),
                    "organiser-of-another-fair@example.org");
            APIGatewayV2HTTPResponse response = api.handleRequest(event, LambdaContext.forTest());
            API.assertMatches(event.getRouteKey(), response);
            assertEquals(403, response.getStatusCode(), sample + ": " + response.getBody());
            assertEquals("urn:salon-ess:problem:forbidden", parse(response.getBody()).get("type").asText());
        }
        try (SchedulerClient scheduler = aws.endpoints().schedulerClient()) {
            assertTrue(schedules(scheduler).isEmpty(), "no dispatch scheduled");
        }
        assertTrue(aws.mailbox().sent().isEmpty());
    }

    @Test
    void anInterruptedDispatchResumesWithoutSendingAnythingTwice() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add(register("Person" + i, Role.VISITOR, Language.FR, true));
        }
        dispatchEnv = dispatchEnv.with(Map.of("SURVEY_PAGE_SIZE", "2"));

        // Out of time after the first page: the rest is left to a continuation schedule.
        AtomicBoolean time = new AtomicBoolean(false);
        String first = dispatch(aws.ses(), invitations(), context(time));
        assertTrue(first.contains("CONTINUES") && first.contains("sent 2"), first);
        Map<String, Object> carryOn;
        try (SchedulerClient scheduler = aws.endpoints().schedulerClient()) {
            var next = schedules(scheduler).stream().filter(s -> s.name().contains("more")).findFirst().orElseThrow();
            carryOn = Json.MAPPER.convertValue(parse(next.target().input()), Map.class);
            assertTrue(carryOn.containsKey("after"), "the continuation resumes after the page reached");
        }

        // SES fails for good on the fourth email of the continuation: the invocation fails (Lambda retries it).
        AtomicInteger sends = new AtomicInteger();
        SesV2Client breaksAfterOne = failingAfter(aws.ses(), sends, 1);
        assertThrows(SesV2Exception.class, () -> dispatch(breaksAfterOne, carryOn, plentyOfTime()));
        assertEquals(3, aws.mailbox().sent().size());

        // The retry of the same event finishes the round.
        String retried = dispatch(aws.ses(), carryOn, plentyOfTime());
        assertTrue(retried.contains("DONE"), retried);
        for (Person p : people) {
            assertEquals(1, aws.mailbox().sentTo(p.email()).size(), "exactly one invitation for " + p.email());
        }
    }

    @Test
    void answeringThroughTheLinkOnceAndTheResultsAddUp() throws Exception {
        Person amal = register("Amal", Role.EXHIBITOR, Language.AR, true);
        Person brahim = register("Brahim", Role.VISITOR, Language.FR, true, "financement", "labellisation");
        Person clara = register("Clara", Role.VISITOR, Language.EN, true);
        dispatch(aws.ses(), invitations(), plentyOfTime());
        String amalToken = token(aws.mailbox().sentTo(amal.email()).getFirst());
        String brahimToken = token(aws.mailbox().sentTo(brahim.email()).getFirst());

        // The exhibitor's questionnaire, in Arabic, about trade.
        APIGatewayV2HTTPResponse form = call("survey-get.json", "token", amalToken, null);
        assertEquals(200, form.getStatusCode(), form.getBody());
        JsonNode exhibitorForm = parse(form.getBody());
        assertEquals("EXHIBITOR", exhibitorForm.get("questionnaire").asText());
        assertEquals("rtl", exhibitorForm.get("direction").asText());
        assertEquals(List.of("satisfaction", "madeSales", "salesAmountMad", "buyerContacts", "wouldReturn", "comments"),
                ids(exhibitorForm));
        assertTrue(exhibitorForm.get("questions").get(0).get("label").asText().contains("المعرض"));

        // The visitor's, in French, listing the two workshops they held a seat in.
        JsonNode visitorForm = parse(call("survey-get.json", "token", brahimToken, null).getBody());
        assertEquals(List.of("satisfaction", "workshops", "wouldReturn", "comments"), ids(visitorForm));
        assertEquals(2, visitorForm.get("questions").get(1).get("workshops").size());

        // Invalid answers: each bad field named, nothing stored.
        APIGatewayV2HTTPResponse invalid = call("survey-post-exhibitor.json", "token", amalToken,
                "{\"satisfaction\": 9, \"madeSales\": \"yes\", \"wouldReturn\": true, \"workshops\": []}");
        assertEquals(400, invalid.getStatusCode());
        String problems = invalid.getBody();
        assertTrue(problems.contains("\"satisfaction\"") && problems.contains("\"madeSales\"")
                && problems.contains("\"buyerContacts\"") && problems.contains("\"workshops\""), problems);
        assertFalse(parse(call("survey-get.json", "token", amalToken, null).getBody()).get("answered").asBoolean());
        APIGatewayV2HTTPResponse notTheirs = call("survey-post-visitor.json", "token", brahimToken,
                "{\"satisfaction\": 4, \"wouldReturn\": true, \"workshops\": [{\"workshopId\": \"other\", \"attended\": true, \"usefulness\": 3}]}");
        assertEquals(400, notTheirs.getStatusCode());
        assertTrue(notTheirs.getBody().contains("workshops.0.workshopId"), notTheirs.getBody());

        // Answered once; the second answer is refused and changes nothing.
        APIGatewayV2HTTPResponse answered = call("survey-post-exhibitor.json", "token", amalToken,
                "{\"satisfaction\": 5, \"madeSales\": true, \"salesAmountMad\": 18500, \"buyerContacts\": 7, "
                        + "\"wouldReturn\": true, \"comments\": \"Deux grossistes intéressés.\\nMerci.\"}");
        assertEquals(201, answered.getStatusCode(), answered.getBody());
        APIGatewayV2HTTPResponse second = call("survey-post-exhibitor.json", "token", amalToken,
                "{\"satisfaction\": 1, \"madeSales\": false, \"buyerContacts\": 0, \"wouldReturn\": false}");
        assertEquals(409, second.getStatusCode());
        assertTrue(parse(call("survey-get.json", "token", amalToken, null).getBody()).get("answered").asBoolean());

        assertEquals(201, call("survey-post-visitor.json", "token", brahimToken,
                "{\"satisfaction\": 3, \"wouldReturn\": false, \"workshops\": [{\"workshopId\": \"financement\", "
                        + "\"attended\": true, \"usefulness\": 4}, {\"workshopId\": \"labellisation\", \"attended\": false}]}")
                .getStatusCode());

        // A tampered or unknown token finds nothing.
        String tampered = amalToken.substring(0, amalToken.length() - 1) + (amalToken.endsWith("A") ? "B" : "A");
        assertEquals(404, call("survey-get.json", "token", tampered, null).getStatusCode());
        assertEquals(404, call("survey-post-visitor.json", "token", tampered, "{\"satisfaction\": 4, \"wouldReturn\": true}")
                .getStatusCode());
        assertEquals(404, call("survey-get.json", "token", "not-a-token", null).getStatusCode());

        // The results are the answers given.
        APIGatewayV2HTTPResponse resultsResponse = call("admin-survey-results-get.json", "fairId", fairId, null);
        assertEquals(200, resultsResponse.getStatusCode(), resultsResponse.getBody());
        JsonNode results = parse(resultsResponse.getBody());
        assertEquals(3, results.get("invited").asInt());
        assertEquals(2, results.get("answered").asInt());
        assertEquals(0.67, results.get("responseRate").asDouble(), 0.001);
        assertEquals(4.0, results.get("overall").get("averageSatisfaction").asDouble(), 0.001);
        assertEquals(1, results.get("overall").get("wouldReturn").asInt());
        assertEquals(5.0, results.get("byRole").get("EXHIBITOR").get("averageSatisfaction").asDouble(), 0.001);
        assertEquals(3.0, results.get("byRole").get("VISITOR").get("averageSatisfaction").asDouble(), 0.001);
        assertEquals(1, results.get("byRegion").get("MA-09").get("answers").asInt());
        assertEquals(1, results.get("exhibitorsBySector").get("LOCAL_PRODUCE").get("answers").asInt());
        assertEquals(18500, results.get("exhibitorTrade").get("salesAmountMad").asInt());
        assertEquals(7, results.get("exhibitorTrade").get("buyerContacts").asInt());
        JsonNode financement = workshop(results, "financement");
        assertEquals(1, financement.get("attended").asInt());
        assertEquals(4.0, financement.get("averageUsefulness").asDouble(), 0.001);
        assertEquals(0, workshop(results, "labellisation").get("attended").asInt());
        assertEquals("Deux grossistes intéressés.\nMerci.", results.get("comments").get(0).get("text").asText());

        // The reminder goes to the one who has not answered, once.
        Map<String, Object> reminders = Map.of("fairId", fairId, "round", "REMINDERS");
        String reminded = dispatch(aws.ses(), reminders, plentyOfTime());
        assertTrue(reminded.contains("sent 1"), reminded);
        dispatch(aws.ses(), reminders, plentyOfTime());
        List<SentEmail> toClara = aws.mailbox().sentTo(clara.email());
        assertEquals(2, toClara.size(), "the invitation and one reminder");
        assertTrue(toClara.get(1).subject().startsWith("Reminder"), toClara.get(1).subject());
        assertEquals(token(toClara.get(0)), token(toClara.get(1)), "the reminder carries the same link");
        assertEquals(1, aws.mailbox().sentTo(amal.email()).size(), "no reminder after an answer");
    }

    @Test
    void numbersBeyond64BitsOrNotWholeAreRefusedNotWrapped() throws Exception {
        Person amal = register("Amal", Role.EXHIBITOR, Language.AR, true);
        dispatch(aws.ses(), invitations(), plentyOfTime());
        String token = token(aws.mailbox().sentTo(amal.email()).getFirst());

        // 18446744073709551619 is 2^64 + 3: read as a long it would be stored as a satisfaction of 3.
        APIGatewayV2HTTPResponse wrapped = call("survey-post-exhibitor.json", "token", token,
                "{\"satisfaction\": 18446744073709551619, \"madeSales\": true, \"salesAmountMad\": 4294967296, "
                        + "\"buyerContacts\": 2.5, \"wouldReturn\": true}");
        assertEquals(400, wrapped.getStatusCode(), wrapped.getBody());
        Map<String, String> codes = new HashMap<>();
        parse(wrapped.getBody()).get("errors").forEach(e -> codes.put(e.get("field").asText(), e.get("code").asText()));
        assertEquals(Map.of("satisfaction", "out_of_range", "salesAmountMad", "out_of_range",
                "buyerContacts", "invalid_type"), codes);
        assertFalse(parse(call("survey-get.json", "token", token, null).getBody()).get("answered").asBoolean(),
                "nothing stored");
    }

    @Test
    void anErasedRegistrantsSurveyLinkIsDeadAndNothingLeadsBackToThem() throws Exception {
        Person amal = register("Amal", Role.EXHIBITOR, Language.AR, true);
        Person brahim = register("Brahim", Role.VISITOR, Language.FR, true, "financement");
        dispatch(aws.ses(), invitations(), plentyOfTime());
        String amalToken = token(aws.mailbox().sentTo(amal.email()).getFirst());
        String brahimToken = token(aws.mailbox().sentTo(brahim.email()).getFirst());
        assertEquals(201, call("survey-post-exhibitor.json", "token", amalToken,
                "{\"satisfaction\": 5, \"madeSales\": true, \"salesAmountMad\": 18500, \"buyerContacts\": 7, "
                        + "\"wouldReturn\": true, \"comments\": \"Amal, coopérative Tifawt.\"}").getStatusCode());

        erase(amal);
        erase(brahim);
        erase(amal); // a replayed stream record finds nothing more to do

        assertEquals(404, call("survey-get.json", "token", amalToken, null).getStatusCode(),
                "the answered survey's link finds nothing");
        assertEquals(404, call("survey-get.json", "token", brahimToken, null).getStatusCode(),
                "the unanswered survey is gone");
        assertEquals(404, call("survey-post-visitor.json", "token", brahimToken,
                "{\"satisfaction\": 4, \"wouldReturn\": true, \"workshops\": []}").getStatusCode());
        List<String> leadingBack = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("SurveysTable")).consistentRead(true)).items()
                .forEach(item -> {
                    String all = item.toString();
                    if (all.contains(amal.registrationId()) || all.contains(brahim.registrationId())
                            || all.contains(amalToken) || all.contains(brahimToken)
                            || item.get("surveyKey").s().equals(SurveyToken.keyOf(amalToken).orElseThrow())
                            || item.get("surveyKey").s().equals(SurveyToken.keyOf(brahimToken).orElseThrow())
                            || all.contains("Tifawt")) {
                        leadingBack.add(all);
                    }
                });
        assertEquals(List.of(), leadingBack, "no key, index value or text leads back to the erased registrants");

        JsonNode results = parse(call("admin-survey-results-get.json", "fairId", fairId, null).getBody());
        assertEquals(1, results.get("answered").asInt(), "the answered survey still counts");
        assertEquals(5.0, results.get("byRole").get("EXHIBITOR").get("averageSatisfaction").asDouble(), 0.001);
        assertEquals(18500, results.get("exhibitorTrade").get("salesAmountMad").asInt());
        assertEquals(0, results.get("comments").size(), "its free text is gone");
    }

    @Test
    void noInvitationIsClaimedForARegistrationErasedSinceItsPageWasRead() {
        Person amal = register("Amal", Role.VISITOR, Language.FR, true);
        registrations.delete(registrations.find(fairId, amal.registrationId()).orElseThrow());
        SurveyRepository surveys = new SurveyRepository(aws.dynamoDb(), aws.tableName("SurveysTable"));
        Survey survey = new Survey("key-" + UUID.randomUUID(), fairId, amal.registrationId(), Role.VISITOR,
                Language.FR, null, null, List.of(), null, null, null, null);

        SurveyRepository.Claim claim = surveys.claimInvitation(survey, Instant.now(), Instant.now().plusSeconds(3600),
                registrations.whileRegistered(fairId, amal.registrationId()));

        assertEquals(SurveyRepository.Claim.REGISTRATION_GONE, claim);
        assertTrue(surveys.find(survey.key()).isEmpty(), "no survey item is left that the erasure would not see");
    }

    /** Erases a registration as its registrant's DELETE does, then lets the erasure function see it go. */
    private void erase(Person person) {
        registrations.find(fairId, person.registrationId()).ifPresent(registrations::delete);
        var removed = StreamEvents.record("REMOVE", List.of("fairId", "sk"), Map.of(
                "fairId", AttributeValue.fromS(fairId), "sk", AttributeValue.fromS("REG#" + person.registrationId())), null);
        assertTrue(new ErasureHandler(aws.functionEnv("SignupErasureFunction"))
                .handleRequest(StreamEvents.batch(removed), LambdaContext.forTest()).getBatchItemFailures().isEmpty());
    }

    private static JsonNode workshop(JsonNode results, String id) {
        for (JsonNode w : results.get("workshops")) {
            if (w.get("workshopId").asText().equals(id)) {
                return w;
            }
        }
        throw new AssertionError("no workshop " + id + " in " + results);
    }

    private static List<String> ids(JsonNode questionnaire) {
        List<String> ids = new ArrayList<>();
        questionnaire.get("questions").forEach(q -> ids.add(q.get("id").asText()));
        return ids;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SES accepting {@code allowed} emails, then failing on every one. */
    private static SesV2Client failingAfter(SesV2Client real, AtomicInteger sends, int allowed) {
        return FaultySes.failingWhile(real, () -> sends.incrementAndGet() > allowed);
    }
}
