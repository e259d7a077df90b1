package ma.salonsess.checkin;

import static ma.salonsess.checkin.CheckinApi.morning;
import static ma.salonsess.checkin.CheckinApi.newScanId;
import static ma.salonsess.checkin.CheckinApi.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import ma.salonsess.checkin.CheckinApi.Answer;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.checkin.CheckinErasure;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.json.Json;
import ma.salonsess.testsupport.FairFixtures.Registrant;
import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Erasing a registration erases its check-ins; the counts stay, and scanners learn its badge is revoked. */
@ExtendWith(LocalAwsExtension.class)
class CheckinErasureTest {
    @Test
    void anErasedRegistrationLeavesNoCheckInButTheCountsAndARevokedFingerprint(LocalAws aws) {
        CheckinApi api = new CheckinApi(aws, morning(75), 0);
        api.fixtures.workshop(api.fairId, "atelier", 10, 10, 12);
        Registrant gone = api.fixtures.registrant(api.fairId, "Gone");
        Registrant other = api.fixtures.registrant(api.fairId, "Stays");
        api.checkIn(scan(api.badge(gone.registrationId()), "entrance", newScanId(), morning(0), "gate-a"));
        api.checkIn(scan(api.badge(other.registrationId()), "entrance", newScanId(), morning(1), "gate-a"));
        api.checkIn(scan(api.badge(gone.registrationId()), "atelier", newScanId(), morning(70), "door")
                .put("walkIn", true));
        var batch = Json.object().put("deviceId", "gate-b");
        batch.putArray("scans").add(scan(api.badge(gone.registrationId()), "gate-b", newScanId(), morning(5), null));
        api.as(CheckinApi.STEWARD, "stewards", "staff-checkin-batch-post.json", batch.toString());
        assertEquals(1, api.checkins.doubleEntries(api.fairId).size());

        CheckinErasure erasure = new CheckinErasure(new FairRepository(aws.dynamoDb(), aws.tableName("FairsTable")),
                api.checkins, Clock.fixed(morning(80), ZoneOffset.UTC));
        erasure.forget(api.fairId, gone.registrationId());
        erasure.forget(api.fairId, gone.registrationId());

        var left = api.checkins.ofRegistration(api.fairId, gone.registrationId());
        assertTrue(left.entries().isEmpty() && left.seats().isEmpty() && left.scans().isEmpty());
        assertTrue(api.checkins.doubleEntries(api.fairId).isEmpty(), "its double entry went too");
        assertEquals(1, api.checkins.seated(api.fairId, "atelier"), "the room's count stays");
        assertEquals(1, api.checkins.ofRegistration(api.fairId, other.registrationId()).entries().size());
        Answer kit = api.as(CheckinApi.STEWARD, "stewards", "staff-scanner-kit-get.json", null);
        assertEquals(BadgeToken.fingerprint(api.fairId, gone.registrationId()), kit.body().get("revoked").get(0)
                .asText());
        assertTrue(!kit.body().toString().contains(gone.registrationId()), "the kit names no registration");
    }
}
