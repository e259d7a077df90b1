package ma.salonsess.shared.checkin;

import static ma.salonsess.shared.checkin.CheckinItem.key;
import static ma.salonsess.shared.checkin.CheckinItem.registrationKey;
import static ma.salonsess.shared.dynamo.Items.bool;
import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.dynamo.Transactions;
import ma.salonsess.shared.retry.Backoff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What happened at a fair's gates and workshop doors, in its own check-ins table. Its own table,
 * not items of the registrations table, because its life differs: written in bursts on the fair
 * day (thousands of scans an hour from a few gates), read by the scanners and reports, kept only
 * until its own TTL ({@code expiresAt}), and erased with the registration by the erasure function,
 * which then needs no right on anything else. Keys ({@code pk}, {@code sk}):
 * <ul>
 *   <li>{@code CI#<fair>#<registration>}: everything of one registration, so one query reads it
 *       and one erasure deletes it: {@code ENTRY#<day>} (the day's one entry: written only if
 *       absent or later, so two gates racing cannot both admit), {@code SEAT#<workshop>} (counted
 *       in that workshop's room), {@code SCAN#<scanId>} (each scan's stored answer: a scan sent
 *       twice is answered the same and counted once), {@code DOUBLE#<scanId>} (a marker of the
 *       fair's double entry with this scan, for the erasure).</li>
 *   <li>{@code ROOM#<fair>#<workshop>}, {@code ROOM}: the count {@code seated} of people checked in
 *       to the workshop's room, raised only while below {@code capacity} (a conditional write).
 *       An erasure leaves it: counts stay.</li>
 *   <li>{@code DOUBLE#<fair>}, {@code <scanId>}: double entries, for supervisors.</li>
 *   <li>{@code REVOKED#<fair>}, {@code <fingerprint>}: badges no longer valid (erased registrations),
 *       by fingerprint only, expiring when the fair ends.</li>
 *   <li>{@code TALLY#<fair>}: {@code T#<tallyId>} (a tally batch, once) and {@code P#<point>} (a
 *       gate's anonymous entries and exits).</li>
 * </ul>
 * The index {@value #BY_FAIR} ({@code fairKey}, {@code fairSort}) lists a fair's entries
 * ({@code ENTRIES#<fair>}, sorted {@code <day>#<at>#<registration>}) and each workshop's seats
 * ({@code SEATS#<fair>#<workshop>}, sorted by registration), for reports.
 */
public final class CheckinRepository {
    public static final String BY_FAIR = "byFair";
    /** Enough for dozens of people scanned at one door in the same second. */
    static final int SEAT_ATTEMPTS = 30;
    private final DynamoDbClient dynamoDb;
    private final String table;

    /** How a claim on the day's entry went. */
    public sealed interface EntryClaim permits Admitted, Earlier, Held {
    }

    /** The first entry of the day: this scan is it. */
    public record Admitted() implements EntryClaim {
    }

    /** This scan was made before the standing entry, and replaced it (an offline scan arriving late). */
    public record Earlier(Entry replaced) implements EntryClaim {
    }

    /** An entry made at or before this scan stands (possibly this very scan, sent again). */
    public record Held(Entry standing) implements EntryClaim {
    }

    /** How a seat in a workshop's room went. */
    public sealed interface SeatClaim permits Seated, AlreadySeated, RoomFull {
    }

    public record Seated() implements SeatClaim {
    }

    public record AlreadySeated(Seat seat) implements SeatClaim {
    }

    public record RoomFull() implements SeatClaim {
    }

    /** Too many at one door in the same moment: nothing was written; try again. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("Room count contended", null, false, false);
        }
    }

    /** Everything stored of one registration at one fair. */
    public record RegistrationCheckins(List<Entry> entries, List<Seat> seats, List<Scan> scans) {
    }

    public CheckinRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<Scan> scan(String fairId, String registrationId, String scanId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CheckinItem.scanKey(fairId, registrationId, scanId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CheckinItem.scan(item));
    }

    /** Stores a scan's answer; false when the same scan was stored first (then that answer stands). */
    public boolean recordScan(Scan scan, Instant expiresAt) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(CheckinItem.scanItem(scan, expiresAt))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Claims the registration's entry of the day: one conditional write, so of two gates racing
     * only one admits; an earlier scan (made offline, sent late) replaces a later entry, so the
     * earlier always stands.
     */
    public EntryClaim claimEntry(Entry entry, Instant expiresAt) {
        try {
            var response = dynamoDb.putItem(b -> b.tableName(table).item(CheckinItem.entryItem(entry, expiresAt))
                    .conditionExpression("attribute_not_exists(pk) OR (atMillis > :at AND scanId <> :scan)")
                    .expressionAttributeValues(Map.of(":at", n(entry.at().toEpochMilli()), ":scan", s(entry.scanId())))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return response.hasAttributes() && !response.attributes().isEmpty()
                    ? new Earlier(CheckinItem.entry(response.attributes())) : new Admitted();
        } catch (ConditionalCheckFailedException e) {
            return new Held(CheckinItem.entry(e.item()));
        }
    }

    public Optional<Entry> entry(String fairId, String registrationId, LocalDate day) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CheckinItem.entryKey(fairId, registrationId, day))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CheckinItem.entry(item));
    }

    /**
     * Counts the registrant into the workshop's room if it holds fewer than {@code capacity}: the
     * room's count, raised only below capacity, and the seat, written only if absent, in one
     * transaction, so the room never holds more than its seats, no seat is counted twice, and none
     * is held back by a scan that then fails. A rush at one door makes transactions conflict on the
     * room's item: they are tried again, up to {@value #SEAT_ATTEMPTS} times, before {@link Busy}.
     */
    public SeatClaim takeSeat(Seat seat, int capacity, Instant expiresAt) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(CheckinItem.roomKey(seat.fairId(), seat.workshopId()))
                        .updateExpression("SET seated = if_not_exists(seated, :zero) + :one, #capacity = :cap, "
                                + "expiresAt = :expires")
                        .conditionExpression("attribute_not_exists(seated) OR seated < :cap")
                        .expressionAttributeNames(Map.of("#capacity", "capacity"))
                        .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1), ":cap", n(capacity),
                                ":expires", n(expiresAt.getEpochSecond())))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(CheckinItem.seatItem(seat, expiresAt))
                        .conditionExpression("attribute_not_exists(pk)")).build());
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return new Seated();
            } catch (TransactionCanceledException e) {
                if (Transactions.conditionFailed(e, 1)) {
                    return new AlreadySeated(seat(seat.fairId(), seat.workshopId(), seat.registrationId())
                            .orElseThrow());
                }
                if (Transactions.conditionFailed(e, 0)) {
                    return new RoomFull();
                }
                if (attempt == SEAT_ATTEMPTS) {
                    throw new Busy();
                }
                Backoff.CONTENTION.pause(attempt);
            }
        }
    }

    public Optional<Seat> seat(String fairId, String workshopId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CheckinItem.seatKey(fairId, workshopId, registrationId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CheckinItem.seat(item));
    }

    /** How many are counted in the workshop's room. */
    public int seated(String fairId, String workshopId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CheckinItem.roomKey(fairId, workshopId))).item();
        return item == null || !item.containsKey("seated") ? 0 : (int) Items.number(item, "seated");
    }

    /** Keeps a double entry for supervisors; its marker first, so an erasure always finds it. */
    public void recordDoubleEntry(DoubleEntry doubleEntry, Instant expiresAt) {
        Map<String, AttributeValue> marker = new HashMap<>(key(registrationKey(doubleEntry.fairId(),
                doubleEntry.registrationId()), CheckinItem.DOUBLE + doubleEntry.scanId()));
        marker.put("type", s("DOUBLE_ENTRY_MARKER"));
        marker.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamoDb.putItem(b -> b.tableName(table).item(marker));
        dynamoDb.putItem(b -> b.tableName(table).item(CheckinItem.doubleEntryItem(doubleEntry, expiresAt)));
    }

    public List<DoubleEntry> doubleEntries(String fairId) {
        List<DoubleEntry> all = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(CheckinItem.doubleEntriesKey(fairId)))))
                .items().forEach(item -> all.add(CheckinItem.doubleEntry(item)));
        return all;
    }

    /** Marks a double entry resolved; false when there is none with this scan id. */
    public boolean resolve(String fairId, String scanId, String note, String by, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":yes", bool(true), ":by", s(by),
                ":at", s(at.toString())));
        String set = "SET resolved = :yes, resolvedBy = :by, resolvedAt = :at";
        if (note != null) {
            values.put(":note", s(note));
            set += ", note = :note";
        }
        String update = set;
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(CheckinItem.doubleEntriesKey(fairId), scanId))
                    .updateExpression(update).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException none) {
            return false;
        }
    }

    /** Lists a badge as revoked, by fingerprint only, until {@code until} (the fair's end). */
    public void revoke(String fairId, String fingerprint, Instant until) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", s(CheckinItem.revokedKey(fairId)),
                "sk", s(fingerprint), "type", s("REVOKED"), "expiresAt", n(until.getEpochSecond()))));
    }

    /** The fingerprints of the fair's revoked badges (those whose TTL has not yet removed them). */
    public List<String> revoked(String fairId, Instant now) {
        List<String> all = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .projectionExpression("sk, expiresAt")
                        .expressionAttributeValues(Map.of(":pk", s(CheckinItem.revokedKey(fairId)))))
                .items().forEach(item -> {
                    // TTL deletes within days, not at the second: an expired one is skipped here.
                    if (Items.number(item, "expiresAt") > now.getEpochSecond()) {
                        all.add(string(item, "sk"));
                    }
                });
        return all;
    }

    /** Adds a tally batch to its gate's counts, once; false when this tally was counted already. */
    public boolean tally(Tally tally, Instant expiresAt) {
        String pk = CheckinItem.tallyKey(tally.fairId());
        Map<String, AttributeValue> batch = new HashMap<>(key(pk, "T#" + tally.tallyId()));
        batch.put("type", s("TALLY"));
        batch.put("point", s(tally.point()));
        batch.put("deviceId", s(tally.deviceId()));
        batch.put("entries", n(tally.entries()));
        batch.put("exits", n(tally.exits()));
        batch.put("countedAt", s(tally.countedAt().toString()));
        batch.put("expiresAt", n(expiresAt.getEpochSecond()));
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(batch)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk, "P#" + tally.point()))
                        .updateExpression("SET #point = :point, expiresAt = :expires ADD entries :in, exits :out")
                        .expressionAttributeNames(Map.of("#point", "point"))
                        .expressionAttributeValues(Map.of(":point", s(tally.point()), ":in", n(tally.entries()),
                                ":out", n(tally.exits()), ":expires", n(expiresAt.getEpochSecond())))).build());
        try {
            Transactions.write(dynamoDb, items);
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /** Each gate's anonymous entries and exits. */
    public List<Tally.PointCount> counts(String fairId) {
        List<Tally.PointCount> all = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":pk", s(CheckinItem.tallyKey(fairId)), ":p", s("P#"))))
                .items().forEach(item -> all.add(new Tally.PointCount(string(item, "point"),
                        Items.number(item, "entries"), Items.number(item, "exits"))));
        return all;
    }

    /** Everything stored of one registration at one fair (consistent: from its own partition). */
    public RegistrationCheckins ofRegistration(String fairId, String registrationId) {
        List<Entry> entries = new ArrayList<>();
        List<Seat> seats = new ArrayList<>();
        List<Scan> scans = new ArrayList<>();
        forEachOf(fairId, registrationId, item -> {
            String sk = string(item, "sk");
            if (sk.startsWith(CheckinItem.ENTRY)) {
                entries.add(CheckinItem.entry(item));
            } else if (sk.startsWith(CheckinItem.SEAT)) {
                seats.add(CheckinItem.seat(item));
            } else if (sk.startsWith(CheckinItem.SCAN)) {
                scans.add(CheckinItem.scan(item));
            }
        });
        return new RegistrationCheckins(entries, seats, scans);
    }

    /** Every entry of the fair, by day then time (from the index: may lag writes by a second). */
    public List<Entry> entries(String fairId) {
        List<Entry> all = new ArrayList<>();
        byFair(CheckinItem.entriesIndexKey(fairId), item -> all.add(CheckinItem.entry(item)));
        return all;
    }

    /** Whether the fair's gates admitted anyone at all: a fair never scanned has no attendance to go by. */
    public boolean anyEntry(String fairId) {
        return !dynamoDb.query(b -> b.tableName(table).indexName(BY_FAIR).keyConditionExpression("fairKey = :k")
                .expressionAttributeValues(Map.of(":k", s(CheckinItem.entriesIndexKey(fairId)))).limit(1))
                .items().isEmpty();
    }

    /** Everyone counted in a workshop's room (from the index: may lag writes by a second). */
    public List<Seat> seats(String fairId, String workshopId) {
        List<Seat> all = new ArrayList<>();
        byFair(CheckinItem.seatsIndexKey(fairId, workshopId), item -> all.add(CheckinItem.seat(item)));
        return all;
    }

    /** How claiming a registration's certificate email went. */
    public enum MailClaim { CLAIMED, ALREADY_CLAIMED, REGISTRATION_GONE }

    private static final String CERTIFICATE_MAIL = "CERTMAIL";

    /**
     * Claims the one certificate email of a registration, in its own partition (so {@link #forget}
     * erases it), only while the registration exists ({@code stillRegistered}); a claim taken before
     * is never taken again, so no run mails anyone twice.
     */
    public MailClaim claimCertificateMail(String fairId, String registrationId, Instant at, Instant expiresAt,
                                          TransactWriteItem stillRegistered) {
        Map<String, AttributeValue> item =
                new HashMap<>(key(registrationKey(fairId, registrationId), CERTIFICATE_MAIL));
        item.put("type", s(CERTIFICATE_MAIL));
        item.put("mail", s("SENDING"));
        item.put("claimedAt", s(at.toString()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        TransactWriteItem claim = TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
        try {
            Transactions.write(dynamoDb, List.of(claim, stillRegistered));
            return MailClaim.CLAIMED;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                return MailClaim.ALREADY_CLAIMED;
            }
            if (Transactions.conditionFailed(e, 1)) {
                return MailClaim.REGISTRATION_GONE;
            }
            throw e;
        }
    }

    /** The certificate email went (or failed for good: {@code outcome} says): never re-created after an erasure. */
    public void certificateMailDone(String fairId, String registrationId, String outcome, String detail) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(registrationKey(fairId, registrationId),
                            CERTIFICATE_MAIL)).updateExpression("SET mail = :o, detail = :d")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":o", s(outcome), ":d", s(detail))));
        } catch (ConditionalCheckFailedException erased) {
            // erased meanwhile: nothing to record
        }
    }

    /** Takes back a claim whose email SES did not take (it may take it next run). */
    public void releaseCertificateMail(String fairId, String registrationId) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(key(registrationKey(fairId, registrationId), CERTIFICATE_MAIL))
                    .conditionExpression("mail = :sending")
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"))));
        } catch (ConditionalCheckFailedException erasedOrDone) {
            // erased meanwhile (nothing left to release), or already recorded
        }
    }

    /** Whether every attendee of the fair has had their certificate email (then runs skip the fair). */
    public boolean certificatesMailed(String fairId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key("CERTMAIL#" + fairId, "DONE"))).item();
        return item != null && !item.isEmpty();
    }

    /** Records that the fair's certificate emails are all sent (no personal data in this item). */
    public void markCertificatesMailed(String fairId, Instant at, Instant expiresAt) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", s("CERTMAIL#" + fairId), "sk", s("DONE"),
                "type", s("CERTMAIL_DONE"), "at", s(at.toString()), "expiresAt", n(expiresAt.getEpochSecond()))));
    }

    /**
     * Erases what the registration left here (scans, entries, seats, its double entries); the rooms'
     * and gates' counts stay. Safe to run again.
     *
     * @return how many items were deleted
     */
    public int forget(String fairId, String registrationId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        forEachOf(fairId, registrationId, item -> {
            String sk = string(item, "sk");
            if (sk.startsWith(CheckinItem.DOUBLE)) {
                // The fair's double entry before its marker: a failure between leaves the marker to retry from.
                keys.add(key(CheckinItem.doubleEntriesKey(fairId), sk.substring(CheckinItem.DOUBLE.length())));
            }
            keys.add(key(string(item, "pk"), sk));
        });
        for (int from = 0; from < keys.size(); from += 25) {
            Map<String, List<WriteRequest>> request = Map.of(table, keys.subList(from, Math.min(keys.size(), from + 25))
                    .stream().map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList());
            while (!request.isEmpty()) {
                var pending = request;
                var response = dynamoDb.batchWriteItem(b -> b.requestItems(pending));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        return keys.size();
    }

    private void forEachOf(String fairId, String registrationId,
                           Consumer<Map<String, AttributeValue>> visitor) {
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(registrationKey(fairId, registrationId)))))
                .items().forEach(visitor);
    }

    private void byFair(String fairKey, Consumer<Map<String, AttributeValue>> visitor) {
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(BY_FAIR).keyConditionExpression("fairKey = :k")
                        .expressionAttributeValues(Map.of(":k", s(fairKey))))
                .items().forEach(visitor);
    }
}
