package ma.salonsess.shared.checkin;

import static ma.salonsess.shared.dynamo.Items.bool;
import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Check-in items of the check-ins table (keys as {@link CheckinRepository} describes them), and
 * back; the calls to DynamoDB stay in the repository.
 */
final class CheckinItem {
    static final String ENTRY = "ENTRY#";
    static final String SEAT = "SEAT#";
    static final String SCAN = "SCAN#";
    static final String DOUBLE = "DOUBLE#";

    private CheckinItem() {
    }

    /** Everything of one registration at one fair: one query reads it, one erasure deletes it. */
    static String registrationKey(String fairId, String registrationId) {
        return "CI#" + fairId + "#" + registrationId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static Map<String, AttributeValue> scanKey(String fairId, String registrationId, String scanId) {
        return key(registrationKey(fairId, registrationId), SCAN + scanId);
    }

    static Map<String, AttributeValue> entryKey(String fairId, String registrationId, LocalDate day) {
        return key(registrationKey(fairId, registrationId), ENTRY + day);
    }

    static Map<String, AttributeValue> seatKey(String fairId, String workshopId, String registrationId) {
        return key(registrationKey(fairId, registrationId), SEAT + workshopId);
    }

    static Map<String, AttributeValue> roomKey(String fairId, String workshopId) {
        return key("ROOM#" + fairId + "#" + workshopId, "ROOM");
    }

    static String doubleEntriesKey(String fairId) {
        return "DOUBLE#" + fairId;
    }

    static String revokedKey(String fairId) {
        return "REVOKED#" + fairId;
    }

    static String tallyKey(String fairId) {
        return "TALLY#" + fairId;
    }

    /** The byFair index: a fair's entries (by day), and each workshop's seats. */
    static String entriesIndexKey(String fairId) {
        return "ENTRIES#" + fairId;
    }

    static String seatsIndexKey(String fairId, String workshopId) {
        return "SEATS#" + fairId + "#" + workshopId;
    }

    static Map<String, AttributeValue> scanItem(Scan scan, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(scanKey(scan.fairId(), scan.registrationId(), scan.scanId()));
        item.put("type", s("SCAN"));
        item.put("fairId", s(scan.fairId()));
        item.put("registrationId", s(scan.registrationId()));
        item.put("scanId", s(scan.scanId()));
        item.put("point", s(scan.point()));
        if (scan.workshopId() != null) {
            item.put("workshopId", s(scan.workshopId()));
        }
        item.put("deviceId", s(scan.deviceId()));
        item.put("scannedAt", s(scan.scannedAt().toString()));
        item.put("receivedAt", s(scan.receivedAt().toString()));
        item.put("result", s(scan.result().name()));
        if (scan.firstAt() != null) {
            item.put("firstAt", s(scan.firstAt().toString()));
            item.put("firstPoint", s(scan.firstPoint()));
        }
        item.put("placeInLine", n(scan.placeInLine()));
        item.put("seatFree", bool(scan.seatFree()));
        item.put("conflict", bool(scan.conflict()));
        item.put("walkIn", bool(scan.walkIn()));
        item.put("manual", bool(scan.manual()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    static Scan scan(Map<String, AttributeValue> item) {
        return new Scan(string(item, "fairId"), string(item, "registrationId"), string(item, "scanId"),
                string(item, "point"), Items.optionalString(item, "workshopId").orElse(null), string(item, "deviceId"),
                Instant.parse(string(item, "scannedAt")), Instant.parse(string(item, "receivedAt")),
                CheckinResult.valueOf(string(item, "result")),
                Items.optionalString(item, "firstAt").map(Instant::parse).orElse(null),
                Items.optionalString(item, "firstPoint").orElse(null), (int) Items.number(item, "placeInLine"),
                Items.flag(item, "seatFree"), Items.flag(item, "conflict"), Items.flag(item, "walkIn"),
                Items.flag(item, "manual"));
    }

    static Map<String, AttributeValue> entryItem(Entry entry, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(entryKey(entry.fairId(), entry.registrationId(), entry.day()));
        item.put("type", s("ENTRY"));
        item.put("fairId", s(entry.fairId()));
        item.put("registrationId", s(entry.registrationId()));
        item.put("day", s(entry.day().toString()));
        item.put("scanId", s(entry.scanId()));
        item.put("at", s(entry.at().toString()));
        // A number to compare: ISO strings of instants do not sort when their fractions differ in length.
        item.put("atMillis", n(entry.at().toEpochMilli()));
        item.put("point", s(entry.point()));
        item.put("deviceId", s(entry.deviceId()));
        item.put("fairKey", s(entriesIndexKey(entry.fairId())));
        item.put("fairSort", s(entry.day() + "#" + entry.at() + "#" + entry.registrationId()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(string(item, "fairId"), string(item, "registrationId"), LocalDate.parse(string(item, "day")),
                string(item, "scanId"), Instant.parse(string(item, "at")), string(item, "point"),
                string(item, "deviceId"));
    }

    static Map<String, AttributeValue> seatItem(Seat seat, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(seatKey(seat.fairId(), seat.workshopId(),
                seat.registrationId()));
        item.put("type", s("SEAT"));
        item.put("fairId", s(seat.fairId()));
        item.put("workshopId", s(seat.workshopId()));
        item.put("registrationId", s(seat.registrationId()));
        item.put("scanId", s(seat.scanId()));
        item.put("at", s(seat.at().toString()));
        item.put("walkIn", bool(seat.walkIn()));
        item.put("fairKey", s(seatsIndexKey(seat.fairId(), seat.workshopId())));
        item.put("fairSort", s(seat.registrationId()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    static Seat seat(Map<String, AttributeValue> item) {
        return new Seat(string(item, "fairId"), string(item, "workshopId"), string(item, "registrationId"),
                string(item, "scanId"), Instant.parse(string(item, "at")), Items.flag(item, "walkIn"));
    }

    static Map<String, AttributeValue> doubleEntryItem(DoubleEntry d, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(doubleEntriesKey(d.fairId()), d.scanId()));
        item.put("type", s("DOUBLE_ENTRY"));
        item.put("fairId", s(d.fairId()));
        item.put("scanId", s(d.scanId()));
        item.put("registrationId", s(d.registrationId()));
        item.put("first", sighting(d.first()));
        item.put("second", sighting(d.second()));
        item.put("resolved", bool(d.resolved()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    static DoubleEntry doubleEntry(Map<String, AttributeValue> item) {
        return new DoubleEntry(string(item, "fairId"), string(item, "scanId"), string(item, "registrationId"),
                sighting(Items.map(item, "first")), sighting(Items.map(item, "second")), Items.flag(item, "resolved"),
                Items.optionalString(item, "note").orElse(null));
    }

    private static AttributeValue sighting(DoubleEntry.Sighting sighting) {
        return Items.m(Map.of("at", s(sighting.at().toString()), "point", s(sighting.point()),
                "deviceId", s(sighting.deviceId())));
    }

    private static DoubleEntry.Sighting sighting(Map<String, AttributeValue> map) {
        return new DoubleEntry.Sighting(Instant.parse(string(map, "at")), string(map, "point"),
                string(map, "deviceId"));
    }
}
