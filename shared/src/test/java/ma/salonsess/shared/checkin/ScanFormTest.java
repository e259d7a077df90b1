package ma.salonsess.shared.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.validation.FieldError;
import org.junit.jupiter.api.Test;

class ScanFormTest {
    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    private static final String SCAN = "0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

    @Test
    void aScanFromABatchTakesTheBatchsDevice() throws Exception {
        var read = ScanForm.read(Json.parse("{\"token\":\"SE3.x\",\"point\":\"room:Salle A\",\"scanId\":\"" + SCAN
                + "\",\"scannedAt\":\"2026-12-10T09:14:03+01:00\"}"), "scans.0.", Optional.of("gate-b"), true, NOW);

        var request = assertInstanceOf(ScanForm.Valid.class, read).request();
        assertEquals("gate-b", request.deviceId());
        assertEquals(Instant.parse("2026-12-10T08:14:03Z"), request.scannedAt());
        assertEquals(true, request.offline());
    }

    @Test
    void eachBadFieldIsNamedWithItsPlaceInTheBatch() throws Exception {
        var read = ScanForm.read(Json.parse("{\"point\":\"room:\",\"scanId\":\"ABC\","
                + "\"scannedAt\":\"2026-12-11T09:00:00Z\",\"walkIn\":\"yes\"}"), "scans.4.", Optional.empty(),
                true, NOW);

        List<String> fields = assertInstanceOf(ScanForm.Invalid.class, read).errors().stream().map(FieldError::field)
                .toList();
        assertEquals(List.of("scans.4.token", "scans.4.point", "scans.4.scanId", "scans.4.scannedAt",
                "scans.4.deviceId", "scans.4.walkIn"), fields);
    }

    @Test
    void pointsAreTheEntranceAGateOrARoom() {
        for (String good : List.of("entrance", "gate-b", "compta-coop", "room:Salle A", "room:قاعة 2")) {
            assertEquals(true, ScanForm.validPoint(good), good);
        }
        for (String bad : List.of("", "E", "Gate B", "room: ", "entrée")) {
            assertEquals(false, ScanForm.validPoint(bad), bad);
        }
    }
}
