package ma.salonsess.workshops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.signup.Signup;
import ma.salonsess.shared.signup.SignupRepository;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.WorkshopRepository;
import ma.salonsess.testsupport.FairFixtures;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-ups, cancellations and erasures racing at random on full and nearly full workshops, round
 * after round, through the real handlers on DynamoDB Local. After each round every request has
 * had a real answer (no 503, no 500), every erasure has completed, and the books balance: each
 * WAITLISTED signup has exactly one ticket in its workshop's line and each ticket a WAITLISTED
 * signup; seats taken = CONFIRMED signups = agendas holding the workshop, never above capacity;
 * nobody waits while a seat is free; nothing of an erased registrant is left.
 */
@ExtendWith(LocalAwsExtension.class)
class SignupRaceTest {
    /** In a fixed order, so that the seed gives the same scenario on every run. */
    private static final SequencedMap<String, Integer> CAPACITY = new LinkedHashMap<>();
    private static final int PEOPLE = 20;
    private static final int ROUNDS = 12;

    static {
        CAPACITY.put("solo", 1);
        CAPACITY.put("trio", 3);
        CAPACITY.put("five", 5);
    }

    private LocalAws aws;
    private String fairId;
    private WorkshopApi api;
    private ErasureHandler erasure;
    private RegistrationRepository registrations;
    private WorkshopRepository workshops;
    private SignupRepository signups;

    @Test
    void signUpsCancellationsAndErasuresRacingLeaveTheBooksBalanced(LocalAws aws) throws Exception {
        this.aws = aws;
        FairFixtures fixtures = new FairFixtures(aws);
        fairId = fixtures.newFair();
        // At different hours: nobody is kept from a seat by an overlap, so a free seat with
        // people waiting can only be a seat that failed to pass on.
        fixtures.workshop(fairId, "solo", CAPACITY.get("solo"), 9, 10);
        fixtures.workshop(fairId, "trio", CAPACITY.get("trio"), 11, 12);
        fixtures.workshop(fairId, "five", CAPACITY.get("five"), 14, 15);
        api = new WorkshopApi(aws, fairId);
        erasure = new ErasureHandler(aws.functionEnv("SignupErasureFunction"));
        registrations = new RegistrationRepository(aws.dynamoDb(), aws.tableName("RegistrationsTable"));
        workshops = new WorkshopRepository(aws.dynamoDb(), aws.tableName("FairsTable"));
        signups = new SignupRepository(aws.dynamoDb(), aws.tableName("SignupsTable"), workshops, registrations);

        List<Registrant> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(fixtures.registrant(fairId, "Person " + i));
        }
        List<Registrant> erased = new ArrayList<>();
        // Round 0 fills every workshop and its line at once.
        List<Callable<String>> opening = new ArrayList<>();
        for (Registrant p : people) {
            for (String w : CAPACITY.keySet()) {
                opening.add(() -> signUp(w, p));
            }
        }
        runAtOnce(opening);
        checkBooks(people, erased);

        Random random = new Random(20261201L);
        for (int round = 1; round <= ROUNDS; round++) {
            List<Callable<String>> ops = new ArrayList<>();
            List<Registrant> movers = new ArrayList<>(people);
            Collections.shuffle(movers, random);
            for (Registrant p : movers.subList(0, 12)) {
                String w = List.copyOf(CAPACITY.keySet()).get(random.nextInt(CAPACITY.size()));
                // The same person sending cancel and sign-up several times at once, as a phone on
                // a weak network retries.
                int times = 1 + random.nextInt(3);
                for (int t = 0; t < times; t++) {
                    ops.add(() -> cancel(w, p));
                    ops.add(() -> signUp(w, p));
                }
            }
            // Two erasures per round, of people whose requests are in flight.
            for (Registrant leaving : movers.subList(0, 2)) {
                ops.add(() -> erase(leaving));
                people.remove(leaving);
                erased.add(leaving);
                people.add(fixtures.registrant(fairId, "Newcomer " + round + people.size()));
            }
            Collections.shuffle(ops, random);
            runAtOnce(ops);
            checkBooks(people, erased);
        }
    }

    private String signUp(String workshopId, Registrant who) {
        var response = api.call(api.signUpEvent(workshopId, who));
        int status = response.getStatusCode();
        // 404 only when their registration was erased by a request racing this one.
        assertTrue(status == 200 || status == 201 || status == 404, "sign-up answered " + status + " " + response.getBody());
        return "signup " + status;
    }

    private String cancel(String workshopId, Registrant who) {
        var response = api.call(api.cancelEvent(workshopId, who));
        int status = response.getStatusCode();
        assertTrue(status == 204 || status == 404, "cancel answered " + status + " " + response.getBody());
        return "cancel " + status;
    }

    private String erase(Registrant who) throws Exception {
        registrations.delete(registrations.find(fairId, who.registrationId()).orElseThrow());
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(RepositoryLayout.root()
                .resolve("events/badge-registration-remove.json").toString());
        var keys = event.getRecords().getFirst().getDynamodb().getKeys();
        keys.get("fairId").setS(fairId);
        keys.get("sk").setS("REG#" + who.registrationId());
        assertEquals(List.of(), erasure.handleRequest(event, LambdaContext.forTest()).getBatchItemFailures(),
                "the erasure completed on its first try");
        return "erased";
    }

    private void checkBooks(List<Registrant> people, List<Registrant> erased) {
        for (String workshopId : CAPACITY.keySet()) {
            Seats seats = workshops.find(fairId, workshopId).orElseThrow().seats();
            List<Signup> all = signups.signups(fairId, workshopId);
            Set<String> waiting = ids(all, Signup.Status.WAITLISTED);
            Set<String> confirmed = ids(all, Signup.Status.CONFIRMED);
            // The line is its places (items of their own), by ticket.
            Map<String, Long> line = new HashMap<>();
            signups.waitlist(fairId, workshopId).forEach(e -> line.put(e.registrationId(), e.ticket()));
            assertEquals(waiting, line.keySet(),
                    workshopId + ": each WAITLISTED signup has a ticket in the line, and each ticket a signup");
            assertEquals(line.size(), new HashSet<>(line.values()).size(),
                    workshopId + ": no two people hold the same ticket");
            assertEquals(line.size(), seats.waitlistLength(), workshopId + ": the count of people waiting is right");
            assertEquals(confirmed.size(), seats.seatsTaken(), workshopId + ": seats taken = CONFIRMED signups");
            assertTrue(seats.seatsTaken() <= CAPACITY.get(workshopId), workshopId + ": overbooked " + seats);
            assertTrue(waiting.isEmpty() || seats.full(), workshopId + ": someone waits while a seat is free " + seats);
            Set<String> holding = new HashSet<>();
            for (Registrant p : people) {
                if (signups.agenda(fairId, p.registrationId()).confirmedWorkshopIds().contains(workshopId)) {
                    holding.add(p.registrationId());
                }
            }
            assertEquals(confirmed, holding, workshopId + ": the agendas holding it are the CONFIRMED signups");
            for (Registrant gone : erased) {
                assertTrue(all.stream().noneMatch(s -> s.registrationId().equals(gone.registrationId())),
                        workshopId + ": a signup of an erased registrant is left");
            }
        }
        for (Registrant gone : erased) {
            assertEquals(Set.of(), signups.agenda(fairId, gone.registrationId()).confirmedWorkshopIds(),
                    "an erased registrant's agenda is left");
        }
    }

    private static Set<String> ids(List<Signup> all, Signup.Status status) {
        return all.stream().filter(s -> s.status() == status).map(Signup::registrationId).collect(Collectors.toSet());
    }

    private static void runAtOnce(List<Callable<String>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<String> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
