package ma.salonsess.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ma.salonsess.shared.workshop.Workshop;

/**
 * An iCalendar (RFC 5545) invitation for a workshop seat, in the fair's time zone
 * (Africa/Casablanca), so calendars show it at the right hour.
 */
final class Invitation {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneId.of("UTC"));

    private Invitation() {
    }

    /** @param cancelled a cancellation of the same event (same UID) */
    static byte[] of(Workshop w, String title, String registrationId, ZoneId zone, boolean cancelled) {
        String uid = w.fairId() + "-" + w.workshopId() + "-" + registrationId + "@salon-ess";
        String body = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Salon ESS//Workshops//FR",
                "CALSCALE:GREGORIAN",
                "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"),
                "BEGIN:VTIMEZONE",
                "TZID:" + zone.getId(),
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:" + offset(w, zone),
                "TZOFFSETTO:" + offset(w, zone),
                "END:STANDARD",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "UID:" + uid,
                "DTSTAMP:" + UTC.format(Instant.now()),
                "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(w.startsAt().atZoneSameInstant(zone)),
                "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(w.endsAt().atZoneSameInstant(zone)),
                "SUMMARY:" + text(title),
                "LOCATION:" + text(w.room()),
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
                "END:VCALENDAR",
                "");
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String offset(Workshop w, ZoneId zone) {
        String id = w.startsAt().atZoneSameInstant(zone).getOffset().getId();
        return id.equals("Z") ? "+0000" : id.replace(":", "");
    }

    /** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }
}
