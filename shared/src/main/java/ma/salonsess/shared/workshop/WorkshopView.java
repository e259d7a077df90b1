package ma.salonsess.shared.workshop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.LocalizedTextJson;
import ma.salonsess.shared.time.Rfc3339;

/** A workshop with its seats, as the API shows it. */
public final class WorkshopView {
    private WorkshopView() {
    }

    public static ObjectNode of(ScheduledWorkshop scheduled) {
        Workshop w = scheduled.workshop();
        Seats seats = scheduled.seats();
        ObjectNode node = Json.object();
        node.put("workshopId", w.workshopId());
        node.put("fairId", w.fairId());
        node.set("title", LocalizedTextJson.of(w.title()));
        if (w.description() != null) {
            node.set("description", LocalizedTextJson.of(w.description()));
        }
        node.put("room", w.room());
        node.put("startsAt", Rfc3339.format(w.startsAt()));
        node.put("endsAt", Rfc3339.format(w.endsAt()));
        node.put("language", w.language().code());
        node.put("capacity", seats.capacity());
        node.put("seatsTaken", seats.seatsTaken());
        node.put("seatsLeft", seats.seatsLeft());
        node.put("waitlistLength", seats.waitlistLength());
        return node;
    }
}
