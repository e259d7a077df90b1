package ma.salonsess.shared.signup;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.dynamo.Transactions;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Signups, and the writes that change them together with the workshop's seats and waiting list
 * (on the workshop's item, in the fairs table) and the registrant's agenda.
 *
 * <p>Items of the signups table: a signup {@code pk = WS#<fair>#<workshop>, sk = S#<registration>}
 * (its status, for readers and the table's stream); an agenda {@code pk = AG#<fair>#<registration>,
 * sk = AGENDA}. The waiting list itself is the workshop item's {@code waitlist} map, so that
 * joining it is one conditional update that DynamoDB applies in arrival order, with no read
 * first: under a rush nobody's write is refused for having read a stale count.
 */
public final class SignupRepository {
    public static final String TYPE_SIGNUP = "SIGNUP";
    private static final int CONFLICT_RETRIES = 20;
    /**
     * The waiting list lives on the workshop's item, and an item holds at most 400 KB: at about
     * 50 bytes a place, 2,000 places stay far below it. Nobody at these fairs waits behind 2,000 others.
     */
    public static final int MAX_WAITLIST = 2000;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final WorkshopRepository workshops;

    /** Another request changed what this write was decided from; decide again. */
    public static final class Contention extends RuntimeException {
        private final transient Seats currentSeats;

        Contention(Seats currentSeats) {
            super("Concurrent change", null, false, false);
            this.currentSeats = currentSeats;
        }

        /** When only the workshop had changed: its seats now, from the refused write itself. */
        public Optional<Seats> currentSeats() {
            return Optional.ofNullable(currentSeats);
        }
    }

    /** A place in line: the ticket, and the workshop's seats right after it was taken. */
    public record Reservation(long ticket, Seats seats) {
    }

    public SignupRepository(DynamoDbClient dynamoDb, String table, WorkshopRepository workshops) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.workshops = workshops;
    }

    static String workshopKey(String fairId, String workshopId) {
        return "WS#" + fairId + "#" + workshopId;
    }

    private static Map<String, AttributeValue> signupKey(String fairId, String workshopId, String registrationId) {
        return Map.of("pk", s(workshopKey(fairId, workshopId)), "sk", s("S#" + registrationId));
    }

    private static Map<String, AttributeValue> agendaKey(String fairId, String registrationId) {
        return Map.of("pk", s("AG#" + fairId + "#" + registrationId), "sk", s("AGENDA"));
    }

    public Optional<Signup> find(String fairId, String workshopId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    public Agenda agenda(String fairId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(agendaKey(fairId, registrationId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new Agenda(Set.of(), 0);
        }
        AttributeValue confirmed = item.get("confirmed");
        return new Agenda(confirmed == null || !confirmed.hasSs() ? Set.of() : new HashSet<>(confirmed.ss()),
                Items.number(item, "version"));
    }

    /** Every signup of a workshop, in no particular order. */
    public List<Signup> signups(String fairId, String workshopId) {
        List<Signup> all = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":pk", s(workshopKey(fairId, workshopId)), ":s", s("S#"))))
                .items().forEach(item -> all.add(fromItem(item)));
        return all;
    }

    /** Takes a free seat: the seat count, the signup and the agenda change together. */
    public Signup confirm(String fairId, String workshopId, String registrationId, Agenda agenda, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken + :one",
                "#seatsTaken < #capacity AND attribute_not_exists(#waitlist.#r)",
                Map.of("#r", registrationId), Map.of(":one", n(1))));
        items.add(putSignup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, 0, now));
        items.add(agendaChange(fairId, registrationId, agenda, "ADD confirmed :w", workshopId));
        write(items);
        return new Signup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, 0, now, now);
    }

    /**
     * Takes the next ticket while the workshop is full: one conditional update of the workshop
     * item. Throws {@link Contention} with the current seats when it was not full after all, the
     * registrant already waits, or the list is at {@link #MAX_WAITLIST}.
     */
    public Reservation reserve(String fairId, String workshopId, String registrationId) {
        for (int attempt = 0; ; attempt++) {
            try {
                var result = dynamoDb.updateItem(b -> b.tableName(workshops.table())
                        .key(WorkshopRepository.key(fairId, workshopId))
                        // Operands are read before the update: the ticket is the old count plus one.
                        .updateExpression("SET #waitlist.#r = #issued + :one, #issued = #issued + :one")
                        .conditionExpression("#seatsTaken >= #capacity AND attribute_not_exists(#waitlist.#r) "
                                + "AND size(#waitlist) < :max")
                        .expressionAttributeNames(Map.of("#waitlist", "waitlist", "#r", registrationId,
                                "#issued", "ticketsIssued", "#seatsTaken", "seatsTaken", "#capacity", "capacity"))
                        .expressionAttributeValues(Map.of(":one", n(1), ":max", n(MAX_WAITLIST)))
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                Seats seats = WorkshopRepository.seatsOf(result.attributes());
                return new Reservation(seats.waitlist().get(registrationId), seats);
            } catch (ConditionalCheckFailedException e) {
                throw new Contention(e.hasItem() ? WorkshopRepository.seatsOf(e.item()) : null);
            } catch (DynamoDbException e) {
                retryConflict(e, attempt);
            }
        }
    }

    /**
     * Writes the signup record of a reservation. False when the registrant holds an active signup
     * already (a concurrent request of theirs won): the reservation is then withdrawn.
     */
    public boolean recordWaiting(String fairId, String workshopId, String registrationId, long ticket, Instant now) {
        Map<String, AttributeValue> item = signupItem(fairId, workshopId, registrationId, Signup.Status.WAITLISTED,
                ticket, now);
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(sk) OR #status = :cancelled "
                            + "OR (#status = :waiting AND ticket = :ticket)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":cancelled", s(Signup.Status.CANCELLED.name()),
                            ":waiting", s(Signup.Status.WAITLISTED.name()), ":ticket", n(ticket))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            withdraw(fairId, workshopId, registrationId, ticket);
            return false;
        }
    }

    /** Leaves the waiting list without a signup record (a request that never wrote one). */
    public void withdrawPlace(String fairId, String workshopId, String registrationId, long ticket) {
        withdraw(fairId, workshopId, registrationId, ticket);
    }

    public void deleteSignup(String fairId, String workshopId, String registrationId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId)));
    }

    public void deleteAgenda(String fairId, String registrationId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(agendaKey(fairId, registrationId)));
    }

    private void withdraw(String fairId, String workshopId, String registrationId, long ticket) {
        for (int attempt = 0; ; attempt++) {
            try {
                dynamoDb.updateItem(b -> b.tableName(workshops.table()).key(WorkshopRepository.key(fairId, workshopId))
                        .updateExpression("REMOVE #waitlist.#r")
                        .conditionExpression("#waitlist.#r = :ticket")
                        .expressionAttributeNames(Map.of("#waitlist", "waitlist", "#r", registrationId))
                        .expressionAttributeValues(Map.of(":ticket", n(ticket))));
                return;
            } catch (ConditionalCheckFailedException gone) {
                return; // promoted or withdrawn meanwhile
            } catch (DynamoDbException e) {
                retryConflict(e, attempt);
            }
        }
    }

    /** Who gets a seat from the waiting list, with the agenda their eligibility was checked on. */
    public record Promotion(WaitlistEntry entry, Agenda agenda) {
    }

    /**
     * Cancels a confirmed signup; the seat goes to {@code promotion} in the same transaction, or
     * becomes free when nobody waiting can take it.
     */
    public void cancelConfirmed(String fairId, String workshopId, String registrationId, Agenda agenda,
                                Optional<Promotion> promotion, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (promotion.isPresent()) {
            WaitlistEntry next = promotion.get().entry();
            items.add(workshopUpdate(fairId, workshopId, "REMOVE #waitlist.#r", "#waitlist.#r = :ticket",
                    Map.of("#r", next.registrationId()), Map.of(":ticket", n(next.ticket()))));
        } else {
            items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken - :one",
                    "#seatsTaken > :zero", Map.of(), Map.of(":one", n(1), ":zero", n(0))));
        }
        items.add(statusChange(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, Signup.Status.CANCELLED,
                now));
        items.add(agendaChange(fairId, registrationId, agenda, "DELETE confirmed :w", workshopId));
        promotion.ifPresent(p -> addPromotion(items, fairId, workshopId, p, now));
        write(items);
    }

    /** Gives a free seat to someone waiting (after a capacity increase, or a promotion skipped earlier). */
    public void promoteIntoFreeSeat(String fairId, String workshopId, Promotion promotion, Instant now) {
        WaitlistEntry next = promotion.entry();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken + :one REMOVE #waitlist.#r",
                "#seatsTaken < #capacity AND #waitlist.#r = :ticket", Map.of("#r", next.registrationId()),
                Map.of(":one", n(1), ":ticket", n(next.ticket()))));
        addPromotion(items, fairId, workshopId, promotion, now);
        write(items);
    }

    /** Leaves the waiting list; the others keep their order. */
    public void cancelWaitlisted(String fairId, String workshopId, Signup signup, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "REMOVE #waitlist.#r", "#waitlist.#r = :ticket",
                Map.of("#r", signup.registrationId()), Map.of(":ticket", n(signup.ticket()))));
        items.add(statusChange(fairId, workshopId, signup.registrationId(), Signup.Status.WAITLISTED,
                Signup.Status.CANCELLED, now));
        write(items);
    }

    private void addPromotion(List<TransactWriteItem> items, String fairId, String workshopId, Promotion promotion,
                              Instant now) {
        String registrationId = promotion.entry().registrationId();
        // An update, not a put: the signup keeps when it was made. Its record may not be written
        // yet (the reservation is what counts), hence "not exists" is accepted.
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(signupKey(fairId, workshopId, registrationId))
                .updateExpression("SET #status = :confirmed, updatedAt = :now, createdAt = if_not_exists(createdAt, :now), "
                        + "#type = :type, fairId = :fair, workshopId = :workshop, registrationId = :registration "
                        + "REMOVE ticket")
                .conditionExpression("attribute_not_exists(sk) OR #status = :waiting")
                .expressionAttributeNames(Map.of("#status", "status", "#type", "type"))
                .expressionAttributeValues(Map.of(":confirmed", s(Signup.Status.CONFIRMED.name()),
                        ":waiting", s(Signup.Status.WAITLISTED.name()), ":now", s(now.toString()),
                        ":type", s(TYPE_SIGNUP), ":fair", s(fairId), ":workshop", s(workshopId),
                        ":registration", s(registrationId)))).build());
        items.add(agendaChange(fairId, registrationId, promotion.agenda(), "ADD confirmed :w", workshopId));
    }

    private TransactWriteItem workshopUpdate(String fairId, String workshopId, String update, String condition,
                                             Map<String, String> moreNames, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(moreNames);
        // Only the names the expressions use may be given; several are reserved words (capacity).
        for (String name : List.of("seatsTaken", "capacity", "waitlist")) {
            if (update.contains("#" + name) || condition.contains("#" + name)) {
                names.put("#" + name, name);
            }
        }
        return TransactWriteItem.builder().update(u -> u.tableName(workshops.table())
                .key(WorkshopRepository.key(fairId, workshopId))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    private static Map<String, AttributeValue> signupItem(String fairId, String workshopId, String registrationId,
                                                          Signup.Status status, long ticket, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(signupKey(fairId, workshopId, registrationId));
        item.put("type", s(TYPE_SIGNUP));
        item.put("fairId", s(fairId));
        item.put("workshopId", s(workshopId));
        item.put("registrationId", s(registrationId));
        item.put("status", s(status.name()));
        if (ticket > 0) {
            item.put("ticket", n(ticket));
        }
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    private TransactWriteItem putSignup(String fairId, String workshopId, String registrationId, Signup.Status status,
                                        long ticket, Instant now) {
        Map<String, AttributeValue> item = signupItem(fairId, workshopId, registrationId, status, ticket, now);
        // A cancelled signup may be replaced; an active one never (no second seat).
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(sk) OR #status = :cancelled")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":cancelled", s(Signup.Status.CANCELLED.name())))).build();
    }

    private TransactWriteItem statusChange(String fairId, String workshopId, String registrationId,
                                           Signup.Status from, Signup.Status to, Instant now) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(signupKey(fairId, workshopId, registrationId))
                .updateExpression("SET #status = :to, updatedAt = :now REMOVE ticket")
                .conditionExpression("#status = :from")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":to", s(to.name()), ":from", s(from.name()),
                        ":now", s(now.toString())))).build();
    }

    private TransactWriteItem agendaChange(String fairId, String registrationId, Agenda agenda, String change,
                                           String workshopId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":w", AttributeValue.fromSs(List.of(workshopId)));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        values.put(":type", s("AGENDA"));
        String condition;
        if (agenda.version() == 0) {
            condition = "attribute_not_exists(pk)";
        } else {
            condition = "version = :v";
            values.put(":v", n(agenda.version()));
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(agendaKey(fairId, registrationId))
                .updateExpression(change + " SET version = if_not_exists(version, :zero) + :one, #type = :type")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(values)).build();
    }

    /** Writes a transaction whose first item is the workshop's. */
    private void write(List<TransactWriteItem> items) {
        try {
            Transactions.write(dynamoDb, items);
        } catch (TransactionCanceledException e) {
            boolean onlyWorkshop = Transactions.conditionFailed(e, 0);
            for (int i = 1; i < items.size(); i++) {
                onlyWorkshop &= !Transactions.conditionFailed(e, i);
            }
            var current = onlyWorkshop ? e.cancellationReasons().getFirst().item() : null;
            throw new Contention(current == null || current.isEmpty() ? null : WorkshopRepository.seatsOf(current));
        }
    }

    /** A single write met a transaction in progress on the same item: wait a moment and retry. */
    private static void retryConflict(DynamoDbException e, int attempt) {
        boolean conflict = e.awsErrorDetails() != null
                && "TransactionConflictException".equals(e.awsErrorDetails().errorCode());
        if (!conflict || attempt >= CONFLICT_RETRIES) {
            throw e;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 5L << Math.min(attempt, 6)) + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    static Signup fromItem(Map<String, AttributeValue> item) {
        return new Signup(string(item, "fairId"), string(item, "workshopId"), string(item, "registrationId"),
                Signup.Status.valueOf(string(item, "status")),
                item.containsKey("ticket") ? Items.number(item, "ticket") : 0,
                Instant.parse(string(item, "createdAt")), Instant.parse(string(item, "updatedAt")));
    }
}
