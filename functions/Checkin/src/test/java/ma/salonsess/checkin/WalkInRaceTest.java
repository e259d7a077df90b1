package ma.salonsess.checkin;

import static ma.salonsess.checkin.CheckinApi.morning;
import static ma.salonsess.checkin.CheckinApi.newScanId;
import static ma.salonsess.checkin.CheckinApi.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.salonsess.checkin.CheckinApi.Answer;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rush at a workshop's door: many walk-ins at once never fill the room beyond its seats. */
@ExtendWith(LocalAwsExtension.class)
class WalkInRaceTest {
    private static final int SEATS = 30;
    private static final int PEOPLE = 40;

    @Test
    void fortyPeopleAtAThirtySeatDoorAtOnceNeverMakeMoreThanThirtySeated(LocalAws aws) throws Exception {
        CheckinApi api = new CheckinApi(aws, morning(75), 0);
        api.fixtures.workshop(api.fairId, "atelier-rush", SEATS, 10, 12);
        List<Registrant> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(api.fixtures.registrant(api.fairId, "Walker" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService doors = Executors.newFixedThreadPool(PEOPLE);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (Registrant who : people) {
                // Two scans each, from two phones at the same door: a person is counted once.
                for (String device : List.of("door-1", "door-2")) {
                    answers.add(doors.submit(() -> {
                        start.await();
                        return api.checkIn(scan(api.badge(who.registrationId()), "atelier-rush", newScanId(),
                                morning(70), device).put("walkIn", true));
                    }));
                }
            }
            start.countDown();
            int seatedAnswers = 0;
            int full = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                if (a.status() == 200) {
                    assertEquals("SEATED", a.result());
                    seatedAnswers++;
                } else {
                    assertEquals(409, a.status(), a.body().toString());
                    assertEquals("urn:salon-ess:problem:room-full", a.body().get("type").asText());
                    full++;
                }
            }
            int seated = 0;
            for (Registrant who : people) {
                seated += api.checkins.ofRegistration(api.fairId, who.registrationId()).seats().size();
            }
            assertEquals(SEATS, seated, "every seat taken, none twice, none beyond");
            assertEquals(SEATS, api.checkins.seated(api.fairId, "atelier-rush"), "the room's count agrees");
            assertEquals(2 * PEOPLE, seatedAnswers + full);
            assertTrue(seatedAnswers >= SEATS, "each seated person's scans say SEATED");
        } finally {
            doors.shutdownNow();
        }
    }
}
