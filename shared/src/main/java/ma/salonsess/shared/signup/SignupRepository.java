package ma.salonsess.shared.signup;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.signup.SignupItem.agendaKey;
import static ma.salonsess.shared.signup.SignupItem.signupKey;
import static ma.salonsess.shared.signup.SignupItem.workshopKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import ma.salonsess.shared.dynamo.Transactions;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.retry.Backoff;
import ma.salonsess.shared.workshop.Seats;
import ma.salonsess.shared.workshop.WaitlistEntry;
import ma.salonsess.shared.workshop.WorkshopRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Signups, and the writes that change them together with the workshop's seats and waiting list
 * (on the workshop's item, in the fairs table) and the registrant's agenda.
 *
 * <p>Items of the signups table: a signup {@code pk = WS#<fair>#<workshop>, sk = S#<registration>}
 * (its status, for readers and the table's stream); an agenda {@code pk = AG#<fair>#<registration>,
 * sk = AGENDA}. The waiting list itself is the workshop item's {@code waitlist} map (registration
 * to ticket). A WAITLISTED signup and its ticket are written, and removed, in the same transaction:
 * one never exists without the other, so nobody can be stranded outside the line they think they
 * are in. Joining the line needs no read of the count first (the ticket is computed by the update
 * itself), so under a rush nobody's write is refused for having read a stale count. Every write
 * that seats someone or puts them in line also checks that their registration still exists, so a
 * registration erased meanwhile is never seated.
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
    private final RegistrationRepository registrations;

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

    /** The registration the write would have seated or put in line no longer exists (erased). */
    public static final class RegistrationGone extends RuntimeException {
        private final String registrationId;

        RegistrationGone(String registrationId) {
            super("Registration erased", null, false, false);
            this.registrationId = registrationId;
        }

        public String registrationId() {
            return registrationId;
        }
    }

    public SignupRepository(DynamoDbClient dynamoDb, String table, WorkshopRepository workshops,
                            RegistrationRepository registrations) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.workshops = workshops;
        this.registrations = registrations;
    }

    public Optional<Signup> find(String fairId, String workshopId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SignupItem.fromItem(item));
    }

    public Agenda agenda(String fairId, String registrationId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(agendaKey(fairId, registrationId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? new Agenda(Set.of(), 0) : SignupItem.agenda(item);
    }

    /** Every signup of a workshop, in no particular order. */
    public List<Signup> signups(String fairId, String workshopId) {
        List<Signup> all = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
                        .expressionAttributeValues(Map.of(":pk", s(workshopKey(fairId, workshopId)), ":s", s("S#"))))
                .items().forEach(item -> all.add(SignupItem.fromItem(item)));
        return all;
    }

    /** Takes a free seat: the seat count, the signup and the agenda change together. */
    public Signup confirm(String fairId, String workshopId, String registrationId, Agenda agenda, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken + :one",
                "#seatsTaken < #capacity AND attribute_not_exists(#waitlist.#r)",
                Map.of("#r", registrationId), Map.of(":one", n(1))));
        items.add(putSignup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, now));
        items.add(agendaChange(fairId, registrationId, agenda, "ADD confirmed :w", workshopId));
        write(items, Map.of(items.size(), registrationId), fairId);
        return new Signup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, now, now);
    }

    /**
     * Joins the waiting list of a full workshop: the next ticket on the workshop's item and the
     * WAITLISTED signup, in one transaction. Throws {@link Contention} with the current seats when
     * the workshop was not full after all, the registrant already waits, or the list is at
     * {@link #MAX_WAITLIST}; {@link Contention} without seats when they hold an active signup.
     */
    public Signup joinWaitlist(String fairId, String workshopId, String registrationId, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        // Operands are read before the update: the ticket is the old count plus one.
        items.add(workshopUpdate(fairId, workshopId, "SET #waitlist.#r = #issued + :one, #issued = #issued + :one",
                "#seatsTaken >= #capacity AND attribute_not_exists(#waitlist.#r) AND size(#waitlist) < :max",
                Map.of("#r", registrationId, "#issued", "ticketsIssued"), Map.of(":one", n(1), ":max", n(MAX_WAITLIST))));
        items.add(putSignup(fairId, workshopId, registrationId, Signup.Status.WAITLISTED, now));
        write(items, Map.of(items.size(), registrationId), fairId);
        return new Signup(fairId, workshopId, registrationId, Signup.Status.WAITLISTED, now, now);
    }

    /**
     * Removes a ticket that has no WAITLISTED signup beside it. Only data written before signup
     * and ticket were written together can hold one; it is nobody's place in line.
     */
    public void withdrawPlace(String fairId, String workshopId, String registrationId, long ticket) {
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

    public void deleteSignup(String fairId, String workshopId, String registrationId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId)));
    }

    public void deleteAgenda(String fairId, String registrationId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(agendaKey(fairId, registrationId)));
    }

    /** Who gets a seat from the waiting list, with the agenda their eligibility was checked on. */
    public record Promotion(WaitlistEntry entry, Agenda agenda) {
    }

    /**
     * Cancels a confirmed signup; the seat goes to {@code promotion} in the same transaction, or
     * becomes free when nobody waiting can take it. A free seat is given up only if nobody joined
     * the line since {@code seen} was read ({@code ticketsIssued} unchanged), else the seat would
     * stay free while someone waits.
     */
    public void cancelConfirmed(String fairId, String workshopId, String registrationId, Agenda agenda,
                                Optional<Promotion> promotion, Seats seen, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (promotion.isPresent()) {
            WaitlistEntry next = promotion.get().entry();
            items.add(workshopUpdate(fairId, workshopId, "REMOVE #waitlist.#r", "#waitlist.#r = :ticket",
                    Map.of("#r", next.registrationId()), Map.of(":ticket", n(next.ticket()))));
        } else {
            items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken - :one",
                    "#seatsTaken > :zero AND #issued = :issued", Map.of("#issued", "ticketsIssued"),
                    Map.of(":one", n(1), ":zero", n(0), ":issued", n(seen.ticketsIssued()))));
        }
        items.add(statusChange(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, Signup.Status.CANCELLED,
                now));
        items.add(agendaChange(fairId, registrationId, agenda, "DELETE confirmed :w", workshopId));
        Map<Integer, String> checks = new HashMap<>();
        promotion.ifPresent(p -> checks.put(addPromotion(items, fairId, workshopId, p, now),
                p.entry().registrationId()));
        write(items, checks, fairId);
    }

    /** Gives a free seat to someone waiting (after a capacity increase, or a promotion skipped earlier). */
    public void promoteIntoFreeSeat(String fairId, String workshopId, Promotion promotion, Instant now) {
        WaitlistEntry next = promotion.entry();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken + :one REMOVE #waitlist.#r",
                "#seatsTaken < #capacity AND #waitlist.#r = :ticket", Map.of("#r", next.registrationId()),
                Map.of(":one", n(1), ":ticket", n(next.ticket()))));
        int check = addPromotion(items, fairId, workshopId, promotion, now);
        write(items, Map.of(check, next.registrationId()), fairId);
    }

    /**
     * Leaves the waiting list; the others keep their order. The ticket and the signup go together,
     * and only the very record that was read ({@code seen}, by its {@code updatedAt}) is cancelled,
     * never a newer one. A WAITLISTED signup found without a ticket (data older than writing the
     * two together) is simply cancelled: there is no place in line to give up.
     */
    public void cancelWaitlisted(Signup seen, Instant now) {
        String fairId = seen.fairId();
        String workshopId = seen.workshopId();
        String registrationId = seen.registrationId();
        Map<String, AttributeValue> values = Map.of(":to", s(Signup.Status.CANCELLED.name()),
                ":from", s(Signup.Status.WAITLISTED.name()), ":now", s(now.toString()),
                ":seen", s(seen.updatedAt().toString()));
        TransactWriteItem cancel = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(signupKey(fairId, workshopId, registrationId))
                .updateExpression("SET #status = :to, updatedAt = :now REMOVE ticket")
                .conditionExpression("#status = :from AND updatedAt = :seen")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build();
        List<TransactWriteItem> items = List.of(
                workshopUpdate(fairId, workshopId, "REMOVE #waitlist.#r", "attribute_exists(#waitlist.#r)",
                        Map.of("#r", registrationId), Map.of()),
                cancel);
        try {
            write(items, Map.of(), fairId);
        } catch (Contention e) {
            if (e.currentSeats().isEmpty() || e.currentSeats().get().waitlist().containsKey(registrationId)) {
                throw e;
            }
            try {
                dynamoDb.updateItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId))
                        .updateExpression("SET #status = :to, updatedAt = :now REMOVE ticket")
                        .conditionExpression("#status = :from AND updatedAt = :seen")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException changed) {
                throw new Contention(null); // promoted or cancelled meanwhile: read it again
            }
        }
    }

    /** Adds the promoted person's signup, agenda and registration check; returns the check's index. */
    private int addPromotion(List<TransactWriteItem> items, String fairId, String workshopId, Promotion promotion,
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
        items.add(registrations.stillRegistered(fairId, registrationId));
        return items.size() - 1;
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
        // DynamoDB refuses an empty map of values: give none when the expressions use none.
        return TransactWriteItem.builder().update(u -> u.tableName(workshops.table())
                .key(WorkshopRepository.key(fairId, workshopId))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    private TransactWriteItem putSignup(String fairId, String workshopId, String registrationId, Signup.Status status,
                                        Instant now) {
        Map<String, AttributeValue> item = SignupItem.signupItem(fairId, workshopId, registrationId, status, now);
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

    /**
     * Writes a transaction whose first item is the workshop's, with a check that each registration
     * in {@code checks} (index of its check item, or where it is to be appended) still exists.
     */
    private void write(List<TransactWriteItem> items, Map<Integer, String> checks, String fairId) {
        List<TransactWriteItem> all = new ArrayList<>(items);
        for (var check : new TreeMap<>(checks).entrySet()) {
            if (check.getKey() >= all.size()) {
                all.add(registrations.stillRegistered(fairId, check.getValue()));
            }
        }
        try {
            Transactions.write(dynamoDb, all);
        } catch (TransactionCanceledException e) {
            for (var check : checks.entrySet()) {
                if (Transactions.conditionFailed(e, check.getKey())) {
                    throw new RegistrationGone(check.getValue());
                }
            }
            boolean onlyWorkshop = Transactions.conditionFailed(e, 0);
            for (int i = 1; i < all.size(); i++) {
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
        Backoff.CONTENTION.pause(attempt);
    }
}
