package ma.salonsess.surveys;

import static ma.salonsess.testsupport.ApiEvents.withPathParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.shared.checkin.CheckinRepository;
import ma.salonsess.shared.checkin.Entry;
import ma.salonsess.shared.checkin.Seat;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.signup.WorkshopSignups;
import ma.salonsess.shared.text.Language;
import ma.salonsess.testsupport.ApiEvents;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.OpenApiContract;
import ma.salonsess.testsupport.RegistrationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The survey of a fair whose gates scanned badges: only those admitted, where the fair says so, and
 * only the workshops each was counted in. Check-ins are written on the emulators as the doors write them.
 */
@ExtendWith(LocalAwsExtension.class)
class AttendeesSurveyTest {
    private static final OpenApiContract API = OpenApiContract.load();
    private static final Pattern LINK = Pattern.compile("https://\\S+/surveys#(SV1[A-Za-z0-9_-]{43})");
    private static final Clock AFTER_THE_FAIR = Clock.fixed(Instant.parse("2026-12-14T09:00:00Z"), ZoneOffset.UTC);
    private static final Instant KEEP_UNTIL = Instant.parse("2027-12-14T00:00:00Z");
    private LocalAws aws;
    private Env dispatchEnv;
    private RegistrationRepository registrations;
    private WorkshopSignups workshopSignups;
    private CheckinRepository checkins;
    private FairRepository fairs;
    private String fairId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.dispatchEnv = aws.functionEnv("SurveyDispatchFunction").with(Map.of("SURVEY_SEND_RATE", "1000"));
        Wiring wiring = new Wiring(dispatchEnv, aws.dynamoDb());
        this.registrations = wiring.registrations();
        this.checkins = wiring.checkins();
        this.fairs = wiring.fairs();
        this.workshopSignups = new WorkshopSignups(registrations, wiring.workshops(), wiring.signups(),
                Clock.systemUTC());
        FairFixtures fixtures = new FairFixtures(aws);
        this.fairId = fixtures.newFair();
        fixtures.workshop(fairId, "financement", 10, 10, 12);
        fixtures.workshop(fairId, "labellisation", 10, 14, 16);
        aws.mailbox().clear();
    }

    private void surveyAdmittedOnly(boolean admittedOnly) {
        Fair f = fairs.find(fairId).orElseThrow();
        fairs.save(new Fair(f.fairId(), f.name(), f.city(), f.venue(), f.startDate(), f.endDate(), f.timeZone(),
                f.organiserEmails(), f.defaultLanguage(), f.stewardEmails(), f.supervisorEmails(), f.hallCapacity(),
                admittedOnly));
    }

    private record Person(String registrationId, String email) {
    }

    private Person register(String first, boolean surveys, String... workshops) {
        AccessToken token = AccessToken.generate();
        String id = UUID.randomUUID().toString();
        String email = first.toLowerCase() + "-" + id.substring(0, 8) + "@example.org";
        registrations.create(RegistrationBuilder.in(fairId).id(id).role(Role.VISITOR).named(first, "Test").email(email)
                .language(Language.FR).consent(false, false, surveys).accessToken(token).at(Instant.now())
                .retention(Duration.ofDays(400)).build(), Optional.empty());
        for (String workshop : workshops) {
            workshopSignups.signUp(fairId, workshop, id, token);
        }
        return new Person(id, email);
    }

    private void admit(Person person) {
        checkins.claimEntry(new Entry(fairId, person.registrationId(), LocalDate.of(2026, 12, 10),
                "scan-" + person.registrationId(), Instant.parse("2026-12-10T08:30:00Z"), "entrance", "device-1"),
                KEEP_UNTIL);
    }

    private void countIn(Person person, String workshopId) {
        checkins.takeSeat(new Seat(fairId, workshopId, person.registrationId(), "door-" + person.registrationId()
                + workshopId, Instant.parse("2026-12-10T09:00:00Z"), false), 10, KEEP_UNTIL);
    }

    private String dispatch() {
        Context plentyOfTime = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? 900_000 : null);
        return new SurveyDispatchHandler(dispatchEnv, aws.ses(), AFTER_THE_FAIR)
                .handleRequest(Map.of("fairId", fairId, "round", "INVITATIONS"), plentyOfTime);
    }

    private boolean invited(Person person) {
        return !aws.mailbox().sentTo(person.email()).isEmpty();
    }

    /** The workshops the person's questionnaire asks about. */
    private List<String> workshopsAsked(Person person) throws Exception {
        Matcher m = LINK.matcher(aws.mailbox().sentTo(person.email()).getFirst().text());
        assertTrue(m.find());
        APIGatewayV2HTTPEvent event = withPathParameter(ApiEvents.load("survey-get.json"), "token", m.group(1));
        APIGatewayV2HTTPResponse response = new SurveysHandler(aws.functionEnv("SurveysFunction"), AFTER_THE_FAIR)
                .handleRequest(event, LambdaContext.forTest());
        API.assertMatches(event.getRouteKey(), response);
        List<String> asked = new ArrayList<>();
        for (JsonNode q : Json.parse(response.getBody()).get("questions")) {
            if (q.get("id").asText().equals("workshops")) {
                q.get("workshops").forEach(w -> asked.add(w.get("workshopId").asText()));
            }
        }
        return asked;
    }

    @Test
    void anAttendeesOnlySurveyGoesToThoseAdmittedWhoAgreedAndCanBeWrittenTo() {
        surveyAdmittedOnly(true);
        Person came = register("Came", true);
        Person stayedHome = register("StayedHome", true);
        Person cameNoConsent = register("CameNoConsent", false);
        Person cameBounced = register("CameBounced", true);
        Person cameErased = register("CameErased", true);
        Person onlyAtAWorkshop = register("OnlyAtAWorkshop", true, "financement");
        admit(came);
        admit(cameNoConsent);
        admit(cameBounced);
        admit(cameErased);
        countIn(onlyAtAWorkshop, "financement");
        registrations.markUndeliverable(cameBounced.email(), "BOUNCE", Instant.now());
        registrations.delete(registrations.find(fairId, cameErased.registrationId()).orElseThrow());

        String outcome = dispatch();

        assertTrue(outcome.contains("sent 2"), outcome);
        assertTrue(invited(came), "admitted, agreed, deliverable");
        assertTrue(invited(onlyAtAWorkshop), "counted at a workshop door is having come");
        assertTrue(!invited(stayedHome), "agreed but never came");
        assertTrue(!invited(cameNoConsent), "came, but did not agree to surveys");
        assertTrue(!invited(cameBounced), "came, but the address bounced");
        assertTrue(!invited(cameErased), "came, then erased");
        assertEquals(2, aws.mailbox().sent().size(), "nobody else was mailed");
    }

    @Test
    void everyoneWhoAgreedIsInvitedWhenTheFairSurveysEveryone() {
        surveyAdmittedOnly(false);
        Person came = register("Came", true);
        Person stayedHome = register("StayedHome", true);
        Person noConsent = register("NoConsent", false);
        admit(came);

        String outcome = dispatch();

        assertTrue(outcome.contains("sent 2"), outcome);
        assertTrue(invited(came) && invited(stayedHome));
        assertTrue(!invited(noConsent));
    }

    @Test
    void theWorkshopQuestionsListOnlyTheWorkshopsAttended() throws Exception {
        Person both = register("Both", true, "financement", "labellisation");
        Person none = register("None", true, "financement");
        Person walkIn = register("WalkIn", true);
        admit(both);
        admit(none);
        admit(walkIn);
        countIn(both, "labellisation");
        countIn(walkIn, "financement");

        dispatch();

        assertEquals(List.of("labellisation"), workshopsAsked(both), "signed up to two, counted in one");
        assertEquals(List.of(), workshopsAsked(none), "signed up, never counted in: no workshop question");
        assertEquals(List.of("financement"), workshopsAsked(walkIn), "a walk-in is asked about where they sat");
    }

    @Test
    void aFairThatScannedNobodyAsksAboutTheSeatsHeld() throws Exception {
        Person signedUp = register("SignedUp", true, "financement", "labellisation");

        dispatch();

        assertEquals(List.of("financement", "labellisation"), workshopsAsked(signedUp));
    }
}
