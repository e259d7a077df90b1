package ma.salonsess.checkin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.checkin.Checkins;
import ma.salonsess.shared.checkin.DoubleEntry;
import ma.salonsess.shared.checkin.Scan;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.time.Rfc3339;

/** The check-in routes' answers as JSON: what a scanner shows, and each refusal as a problem. */
final class CheckinViews {
    private CheckinViews() {
    }

    static ObjectNode batchAnswer(Checkins.Outcome outcome, Checkins.Request request) {
        return switch (outcome) {
            case Checkins.Answered answered -> view(answered.scan());
            case Checkins.Erased erased -> erased(request);
            default -> {
                ObjectNode item = Json.object().put("scanId", request.scanId());
                if (outcome instanceof Checkins.Unknown) {
                    item.put("result", "UNKNOWN");
                }
                item.set("problem", problemJson(refusal(outcome, request.scanId(), null)));
                yield item;
            }
        };
    }

    /** A scan's answer as the scanner shows it. */
    static ObjectNode view(Scan scan) {
        ObjectNode node = Json.object().put("scanId", scan.scanId()).put("result", scan.result().name())
                .put("at", Rfc3339.format(scan.scannedAt())).put("point", scan.point());
        if (scan.workshopId() != null) {
            node.put("workshopId", scan.workshopId());
        }
        if (scan.firstAt() != null) {
            node.putObject("firstEntry").put("at", Rfc3339.format(scan.firstAt())).put("point", scan.firstPoint());
        }
        if (scan.placeInLine() > 0) {
            node.put("placeInLine", scan.placeInLine());
        }
        if (scan.seatFree()) {
            node.put("seatFree", true);
        }
        if (scan.conflict()) {
            node.put("conflict", true);
        }
        if (scan.walkIn()) {
            node.put("walkIn", true);
        }
        return node;
    }

    /** ERASED: a genuine badge of a deleted registration; nothing stored, so nothing points back. */
    static ObjectNode erased(Checkins.Request request) {
        return Json.object().put("scanId", request.scanId()).put("result", "ERASED")
                .put("at", Rfc3339.format(request.scannedAt())).put("point", request.point());
    }

    static Problem refusal(Checkins.Outcome outcome, String scanId, String path) {
        Problem problem = switch (outcome) {
            case Checkins.Unknown u -> Problem.of(422, "unknown-badge", "Not a badge of this fair",
                    "This code is not a genuine badge of this fair: forged, altered, unreadable or another fair's.")
                    .with("result", "UNKNOWN");
            case Checkins.RoomFull full -> Problem.of(409, "room-full", "The room is full",
                    "All " + full.workshop().capacity() + " seats of this workshop are taken in the room.")
                    .with("workshopId", full.workshop().workshopId());
            case Checkins.NotStarted n -> Problem.of(409, "workshop-not-started", "The workshop has not started",
                    "Walk-ins are seated once the workshop has started; until then seats are held for those "
                            + "signed up.").with("workshopId", n.workshop().workshopId());
            case Checkins.NoWorkshop none -> Problem.of(409, "no-workshop", "No workshop here now",
                    "No workshop is running or about to start at " + none.point() + ".");
            case Checkins.Busy b -> Problem.of(503, "busy", "Too many at this door at once",
                    "Nothing was written; send the scan again in a moment.");
            case Checkins.Answered a -> throw new IllegalStateException("Not a refusal");
            case Checkins.Erased e -> throw new IllegalStateException("Not a refusal");
        };
        problem = problem.with("scanId", scanId);
        return path == null ? problem : problem.at(path);
    }

    static ObjectNode problemJson(Problem problem) {
        try {
            return (ObjectNode) Json.parse(problem.toResponse().body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode sighting(DoubleEntry.Sighting s) {
        return Json.object().put("at", Rfc3339.format(s.at())).put("point", s.point()).put("deviceId", s.deviceId());
    }
}
