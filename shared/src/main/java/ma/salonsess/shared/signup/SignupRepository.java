package ma.salonsess.shared.signup;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.signup.SignupItem.agendaKey;
import static ma.salonsess.shared.signup.SignupItem.lineKey;
import static ma.salonsess.shared.signup.SignupItem.signupKey;
import static ma.salonsess.shared.signup.SignupItem.ticketKey;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Signups, and the writes that change them together with the workshop's seat and waiting-list
 * counters (on the workshop's item, in the fairs table), the places in line and the registrant's
 * agenda.
 *
 * <p>Items of the signups table: a signup {@code pk = WS#<fair>#<workshop>, sk = S#<registration>}
 * (its status and, while WAITLISTED, its ticket; for readers and the table's stream); an agenda
 * {@code pk = AG#<fair>#<registration>, sk = AGENDA}; a place in line
 * {@code pk = LINE#<fair>#<workshop>, sk = T#<ticket, zero-padded>} (who holds it, until they
 * leave the line; then only {@code left}, nothing personal). Every write is a few items of a few
 * hundred bytes, whatever the line's length: the workshop's item holds counters only
 * ({@link Seats}), so a rush on one workshop writes small items and no request reads the line.
 *
 * <p>Joining takes two steps: a ticket from the workshop's counter (one atomic update, which
 * never fails for having read a stale count, so a rush queues instead of retrying), then, in one
 * transaction, the place, the WAITLISTED signup and the count of people waiting, on condition
 * that the workshop is still full. A WAITLISTED signup and its place are written, and given up,
 * in the same transaction: one never exists without the other. A ticket whose join is refused is
 * given back (its place written as left), so the places behind it close up. Every write that
 * seats someone or puts them in line also checks that their registration still exists, so a
 * registration erased meanwhile is never seated.
 */
public final class SignupRepository {
    public static final String TYPE_SIGNUP = "SIGNUP";
    private static final int CONFLICT_RETRIES = 20;
    /** Nobody at these fairs waits behind 2,000 others; past that, the answer is "the list is full". */
    public static final int MAX_WAITLIST = 2000;
    /** Counts one more ticket of block {@code #b} as left: part of an update's SET. */
    private static final String LEFT_ONE = "#left.#b = if_not_exists(#left.#b, :zero) + :one";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final WorkshopRepository workshops;
    private final RegistrationRepository registrations;

    /** Another request changed what this write was decided from; decide again. */
    public static final class Contention extends RuntimeException {
        private final transient Seats currentSeats;
        private final boolean conflictOnly;

        Contention(Seats currentSeats) {
            this(currentSeats, false);
        }

        Contention(Seats currentSeats, boolean conflictOnly) {
            super("Concurrent change", null, false, false);
            this.currentSeats = currentSeats;
            this.conflictOnly = conflictOnly;
        }

        /** When only the workshop had changed: its seats now, from the refused write itself. */
        public Optional<Seats> currentSeats() {
            return Optional.ofNullable(currentSeats);
        }

        /** No condition failed: other transactions kept touching the same items; the same write may pass. */
        boolean conflictOnly() {
            return conflictOnly;
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

    /**
     * The people waiting, in order, read lazily from the head of the line: blocks whose tickets
     * have all left are skipped, so the read does not grow with the people seated before.
     */
    public Iterable<WaitlistEntry> line(String fairId, String workshopId, Seats seats) {
        String from = ticketKey(Seats.firstTicketOf(seats.firstOpenBlock()));
        return () -> dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true).limit(Seats.BLOCK)
                        .keyConditionExpression("pk = :pk AND sk >= :from")
                        .expressionAttributeValues(Map.of(":pk", s(lineKey(fairId, workshopId)), ":from", s(from))))
                .items().stream()
                .filter(item -> item.containsKey("registrationId"))
                .map(item -> new WaitlistEntry(item.get("registrationId").s(), Long.parseLong(item.get("ticket").n())))
                .iterator();
    }

    /** The whole waiting list, in order (for organisers: it reads every place). */
    public List<WaitlistEntry> waitlist(String fairId, String workshopId) {
        List<WaitlistEntry> all = new ArrayList<>();
        var workshop = workshops.find(fairId, workshopId);
        if (workshop.isPresent() && !workshop.get().seats().lineInPlaces()) {
            moveLineToPlaces(fairId, workshopId, Instant.now());
            workshop = workshops.find(fairId, workshopId);
        }
        workshop.ifPresent(w -> line(fairId, workshopId, w.seats()).forEach(all::add));
        return all;
    }

    /**
     * The place in line (1 for the first) of a WAITLISTED signup, from the workshop's counters and
     * the places of its own block before it (at most {@link Seats#BLOCK} small items); 0 when it
     * is no longer in line (seated or cancelled since it was read).
     */
    public int placeInLine(Seats seats, Signup signup) {
        if (signup.status() != Signup.Status.WAITLISTED || signup.ticket() == 0) {
            return 0;
        }
        long ticket = signup.ticket();
        String from = ticketKey(Seats.firstTicketOf(Seats.blockOf(ticket)));
        int leftBefore = 0;
        boolean stillThere = false;
        for (var item : dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(lineKey(signup.fairId(), signup.workshopId())),
                                ":from", s(from), ":to", s(ticketKey(ticket)))))
                .items()) {
            long t = Long.parseLong(item.get("ticket").n());
            if (t < ticket && item.containsKey("left")) {
                leftBefore++;
            } else if (t == ticket) {
                stillThere = item.containsKey("registrationId")
                        && item.get("registrationId").s().equals(signup.registrationId());
            }
        }
        return stillThere ? seats.placeOf(ticket, leftBefore) : 0;
    }

    /** The place in line of a registrant at a workshop now; 0 when not waiting. */
    public int placeInLine(String fairId, String workshopId, String registrationId) {
        Optional<Signup> signup = find(fairId, workshopId, registrationId);
        if (signup.isEmpty() || signup.get().status() != Signup.Status.WAITLISTED) {
            return 0;
        }
        return workshops.find(fairId, workshopId).map(w -> placeInLine(w.seats(), signup.get())).orElse(0);
    }

    /**
     * Moves a waiting list kept the way it was before places had items of their own (a map of
     * registration to ticket on the workshop's item, or no line counters at all) to one place per
     * ticket, keeping everyone's order; callers run it before deciding anything on such a workshop.
     *
     * <p>Each ticket issued gets its place: its holder's, when their signup is still WAITLISTED
     * (the signup then gets the ticket), else a place marked left. Places are written only where
     * none exists, so two requests moving the same line at once write the same thing, and a place
     * changed since is never written over. Then the workshop's item gets its counters and loses the
     * map, on condition that it still has the old shape and no ticket was taken meanwhile (a ticket
     * taken on the old shape cannot be used: its join needs the counters); otherwise it is read
     * and moved again. Until that write, nothing on the new shape can have happened to this line.
     */
    public void moveLineToPlaces(String fairId, String workshopId, Instant now) {
        for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
            Map<String, AttributeValue> item = workshops.item(fairId, workshopId);
            if (item.isEmpty() || WorkshopRepository.seatsOf(item).lineInPlaces()) {
                return;
            }
            long issued = WorkshopRepository.seatsOf(item).ticketsIssued();
            Map<Long, String> holders = new TreeMap<>();
            WorkshopRepository.oldLineOf(item)
                    .forEach((registrationId, ticket) -> holders.put(ticket, registrationId));
            long last = holders.keySet().stream().reduce(issued, Math::max);
            int waiting = 0;
            Map<String, AttributeValue> left = new HashMap<>();
            for (long ticket = 1; ticket <= last; ticket++) {
                String holder = holders.get(ticket);
                boolean held = holder != null && giveTicket(fairId, workshopId, holder, ticket, now);
                writePlaceIfNone(fairId, workshopId, ticket, held ? holder : null);
                if (held) {
                    waiting++;
                } else {
                    String block = Long.toString(Seats.blockOf(ticket));
                    left.put(block, n(left.containsKey(block) ? Long.parseLong(left.get(block).n()) + 1 : 1));
                }
            }
            int inLine = waiting;
            try {
                dynamoDb.updateItem(b -> b.tableName(workshops.table()).key(WorkshopRepository.key(fairId, workshopId))
                        .updateExpression("SET #waiting = :waiting, #left = :left, #issued = :last REMOVE #old")
                        .conditionExpression("(attribute_exists(#old) OR attribute_not_exists(#waiting) "
                                + "OR attribute_not_exists(#left)) "
                                + "AND (#issued = :issued OR attribute_not_exists(#issued))")
                        .expressionAttributeNames(Map.of("#waiting", "waiting", "#left", "left",
                                "#issued", "ticketsIssued", "#old", "waitlist"))
                        .expressionAttributeValues(Map.of(":waiting", n(inLine), ":left", AttributeValue.fromM(left),
                                ":last", n(last), ":issued", n(issued))));
                return;
            } catch (ConditionalCheckFailedException e) {
                Backoff.CONTENTION.pause(attempt); // moved by another request, or a ticket taken: read again
            }
        }
        throw new Contention(null);
    }

    /** The old-shape holder's WAITLISTED signup gets its ticket; false when it is no longer waiting. */
    private boolean giveTicket(String fairId, String workshopId, String registrationId, long ticket, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(signupKey(fairId, workshopId, registrationId))
                    // A new updatedAt: a cancellation decided on the signup without its ticket fails and reads again.
                    .updateExpression("SET ticket = :t, updatedAt = :now")
                    .conditionExpression("#status = :waiting AND (attribute_not_exists(ticket) OR ticket = :t)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":t", n(ticket), ":now", s(now.toString()),
                            ":waiting", s(Signup.Status.WAITLISTED.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // cancelled, seated or erased meanwhile: the ticket's place is left
        }
    }

    private void writePlaceIfNone(String fairId, String workshopId, long ticket, String registrationId) {
        try {
            Map<String, AttributeValue> place = SignupItem.placeItem(fairId, workshopId, ticket, registrationId);
            dynamoDb.putItem(b -> b.tableName(table).item(place).conditionExpression("attribute_not_exists(sk)"));
        } catch (ConditionalCheckFailedException e) {
            // Written already, by another request moving this line, or changed since: it stands.
        }
    }

    /** Takes a free seat: the seat count, the signup and the agenda change together. */
    public Signup confirm(String fairId, String workshopId, String registrationId, Agenda agenda, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken + :one",
                "#seatsTaken < #capacity", Map.of(), Map.of(":one", n(1))));
        items.add(putSignup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, now, 0));
        items.add(agendaChange(fairId, registrationId, agenda, "ADD confirmed :w", workshopId));
        write(items, Map.of(items.size(), registrationId), fairId);
        return new Signup(fairId, workshopId, registrationId, Signup.Status.CONFIRMED, now, now);
    }

    /**
     * Joins the waiting list of a full workshop: a ticket from the workshop's counter, then the
     * place, the WAITLISTED signup and the count of people waiting in one transaction. Throws
     * {@link Contention} with the current seats when the workshop was not full after all or the
     * list is at {@link #MAX_WAITLIST}; {@link Contention} without seats when they hold an active
     * signup. A refused ticket is given back.
     */
    public Signup joinWaitlist(String fairId, String workshopId, String registrationId, Instant now) {
        long ticket = claimTicket(fairId, workshopId);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET #waiting = #waiting + :one",
                "#seatsTaken >= #capacity AND #waiting < :max", Map.of(), Map.of(":one", n(1), ":max", n(MAX_WAITLIST))));
        Map<String, AttributeValue> place = SignupItem.placeItem(fairId, workshopId, ticket, registrationId);
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(place)
                .conditionExpression("attribute_not_exists(sk)")).build());
        items.add(putSignup(fairId, workshopId, registrationId, Signup.Status.WAITLISTED, now, ticket));
        for (int attempt = 0; ; attempt++) {
            try {
                write(items, Map.of(items.size(), registrationId), fairId);
                return new Signup(fairId, workshopId, registrationId, Signup.Status.WAITLISTED, now, now, ticket);
            } catch (Contention e) {
                if (!e.conflictOnly() || attempt >= CONFLICT_RETRIES) {
                    giveBack(fairId, workshopId, ticket);
                    throw e;
                }
                // Only other transactions in the way: the same ticket keeps its turn.
                Backoff.CONTENTION.pause(attempt);
            } catch (RuntimeException e) {
                giveBack(fairId, workshopId, ticket);
                throw e;
            }
        }
    }

    /** The next ticket of the workshop's line: an atomic count, never refused for a stale read. */
    private long claimTicket(String fairId, String workshopId) {
        for (int attempt = 0; ; attempt++) {
            try {
                var updated = dynamoDb.updateItem(b -> b.tableName(workshops.table())
                        .key(WorkshopRepository.key(fairId, workshopId))
                        .updateExpression("SET #issued = #issued + :one")
                        .conditionExpression("attribute_exists(#issued)")
                        .expressionAttributeNames(Map.of("#issued", "ticketsIssued"))
                        .expressionAttributeValues(Map.of(":one", n(1)))
                        .returnValues(ReturnValue.UPDATED_NEW));
                return Long.parseLong(updated.attributes().get("ticketsIssued").n());
            } catch (ConditionalCheckFailedException gone) {
                throw new Contention(null); // the workshop itself is gone: read it again
            } catch (DynamoDbException e) {
                retryConflict(e, attempt);
            }
        }
    }

    /**
     * A ticket whose join was refused: its place is written as left, so the places behind it
     * close up. Nothing happens if the place exists (the join went through after all).
     */
    private void giveBack(String fairId, String workshopId, long ticket) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(workshopUpdate(fairId, workshopId, "SET " + LEFT_ONE, "attribute_exists(#seatsTaken)",
                Map.of("#b", Long.toString(Seats.blockOf(ticket))), Map.of(":one", n(1), ":zero", n(0))));
        Map<String, AttributeValue> place = SignupItem.placeItem(fairId, workshopId, ticket, null);
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(place)
                .conditionExpression("attribute_not_exists(sk)")).build());
        for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
            try {
                Transactions.write(dynamoDb, items);
                return;
            } catch (TransactionCanceledException e) {
                if (Transactions.conditionFailed(e, 1) || Transactions.conditionFailed(e, 0)) {
                    return; // the place exists (the join went through after all), or the workshop is gone
                }
                Backoff.CONTENTION.pause(attempt);
            }
        }
        // Still contended: the ticket stays unwritten and the places behind it count it as ahead
        // of them (one place too many, never a repeat); the join itself was refused.
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
     * or took a ticket since {@code seen} was read ({@code waiting} and {@code ticketsIssued}
     * unchanged), else the seat would stay free while someone waits.
     */
    public void cancelConfirmed(String fairId, String workshopId, String registrationId, Agenda agenda,
                                Optional<Promotion> promotion, Seats seen, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (promotion.isPresent()) {
            WaitlistEntry next = promotion.get().entry();
            items.add(workshopUpdate(fairId, workshopId, "SET #waiting = #waiting - :one, " + LEFT_ONE,
                    "#waiting > :zero", Map.of("#b", Long.toString(Seats.blockOf(next.ticket()))),
                    Map.of(":one", n(1), ":zero", n(0))));
            items.add(leavePlace(fairId, workshopId, next));
        } else {
            items.add(workshopUpdate(fairId, workshopId, "SET #seatsTaken = #seatsTaken - :one",
                    "#seatsTaken > :zero AND #issued = :issued AND #waiting = :waiting", Map.of(),
                    Map.of(":one", n(1), ":zero", n(0), ":issued", n(seen.ticketsIssued()),
                            ":waiting", n(seen.waitlistLength()))));
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
        items.add(workshopUpdate(fairId, workshopId,
                "SET #seatsTaken = #seatsTaken + :one, #waiting = #waiting - :one, " + LEFT_ONE,
                "#seatsTaken < #capacity AND #waiting > :zero", Map.of("#b", Long.toString(Seats.blockOf(next.ticket()))),
                Map.of(":one", n(1), ":zero", n(0))));
        items.add(leavePlace(fairId, workshopId, next));
        int check = addPromotion(items, fairId, workshopId, promotion, now);
        write(items, Map.of(check, next.registrationId()), fairId);
    }

    /**
     * Leaves the waiting list; the others keep their order. The place and the signup go together,
     * and only the very record that was read ({@code seen}, by its {@code updatedAt}) is cancelled,
     * never a newer one. A WAITLISTED signup without a ticket (data older than places of their
     * own) is simply cancelled: there is no place in line to give up.
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
        List<TransactWriteItem> items = new ArrayList<>();
        if (seen.ticket() > 0) {
            items.add(workshopUpdate(fairId, workshopId, "SET #waiting = #waiting - :one, " + LEFT_ONE,
                    "#waiting > :zero", Map.of("#b", Long.toString(Seats.blockOf(seen.ticket()))),
                    Map.of(":one", n(1), ":zero", n(0))));
            items.add(leavePlace(fairId, workshopId, new WaitlistEntry(registrationId, seen.ticket())));
        }
        items.add(cancel);
        write(items, Map.of(), fairId);
    }

    /** The place is given up: who held it is forgotten, {@code left} tells the places behind. */
    private TransactWriteItem leavePlace(String fairId, String workshopId, WaitlistEntry entry) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(SignupItem.placeKey(fairId, workshopId, entry.ticket()))
                .updateExpression("SET #left = :yes REMOVE registrationId")
                .conditionExpression("registrationId = :r")
                .expressionAttributeNames(Map.of("#left", "left"))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true),
                        ":r", s(entry.registrationId())))).build();
    }

    /** Adds the promoted person's signup, agenda and registration check; returns the check's index. */
    private int addPromotion(List<TransactWriteItem> items, String fairId, String workshopId, Promotion promotion,
                             Instant now) {
        String registrationId = promotion.entry().registrationId();
        // An update, not a put: the signup keeps when it was made.
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
        for (String name : List.of("seatsTaken", "capacity", "waiting", "left")) {
            if (update.contains("#" + name) || condition.contains("#" + name)) {
                names.put("#" + name, name);
            }
        }
        if (update.contains("#issued") || condition.contains("#issued")) {
            names.put("#issued", "ticketsIssued");
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
                                        Instant now, long ticket) {
        Map<String, AttributeValue> item = SignupItem.signupItem(fairId, workshopId, registrationId, status, now, ticket);
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
     * Writes a transaction whose first item is the workshop's (when it has one), with a check
     * that each registration in {@code checks} (index of its check item, or where it is to be
     * appended) still exists.
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
            boolean anyCondition = false;
            for (int i = 0; i < all.size(); i++) {
                anyCondition |= Transactions.conditionFailed(e, i);
            }
            boolean onlyWorkshop = Transactions.conditionFailed(e, 0) && all.getFirst().update() != null
                    && workshops.table().equals(all.getFirst().update().tableName());
            for (int i = 1; i < all.size(); i++) {
                onlyWorkshop &= !Transactions.conditionFailed(e, i);
            }
            var current = onlyWorkshop ? e.cancellationReasons().getFirst().item() : null;
            throw new Contention(current == null || current.isEmpty() ? null : WorkshopRepository.seatsOf(current),
                    !anyCondition);
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
