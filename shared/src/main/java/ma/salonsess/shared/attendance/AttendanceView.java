package ma.salonsess.shared.attendance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.LocalizedTextJson;
import ma.salonsess.shared.time.Rfc3339;

/** The attendance figures as the organisers' route shows them. */
public final class AttendanceView {
    private AttendanceView() {
    }

    public static ObjectNode of(Attendance a) {
        ObjectNode node = Json.object();
        node.put("fairId", a.fairId());
        node.put("entries", a.entries());
        node.put("uniqueVisitors", a.uniqueVisitors());
        var days = node.putArray("days");
        a.days().forEach(d -> days.addObject().put("day", d.day().toString()).put("entries", d.entries()));
        var hours = node.putArray("hours");
        a.hours().forEach(h -> hours.addObject().put("day", h.day().toString()).put("hour", h.hour())
                .put("point", h.point()).put("entries", h.entries()));
        var workshops = node.putArray("workshops");
        for (Attendance.WorkshopAttendance w : a.workshops()) {
            ObjectNode item = workshops.addObject();
            item.put("workshopId", w.workshop().workshopId());
            item.set("title", LocalizedTextJson.of(w.workshop().title()));
            item.put("startsAt", Rfc3339.format(w.workshop().startsAt()));
            item.put("capacity", w.workshop().capacity());
            item.put("seatsTaken", w.seatsTaken());
            item.put("attended", w.attended());
            item.put("walkIns", w.walkIns());
            item.put("noShows", w.noShows());
            item.put("over", w.over());
        }
        Attendance.Occupancy o = a.occupancy();
        ObjectNode occupancy = node.putObject("occupancy");
        occupancy.put("entries", o.entries());
        occupancy.put("exits", o.exits());
        occupancy.put("inside", o.inside());
        if (o.capacity() != null) {
            occupancy.put("capacity", o.capacity());
        }
        occupancy.put("overCapacity", o.overCapacity());
        var gates = occupancy.putArray("gates");
        o.gates().forEach(g -> gates.addObject().put("point", g.point()).put("entries", g.entries())
                .put("exits", g.exits()));
        return node;
    }
}
