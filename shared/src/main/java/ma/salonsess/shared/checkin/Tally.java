package ma.salonsess.shared.checkin;

import java.time.Instant;

/** Anonymous taps counted at a gate (visitors who never registered), sent in small batches. */
public record Tally(String fairId, String tallyId, String deviceId, String point, int entries, int exits,
                    Instant countedAt) {

    /** A gate's running totals. */
    public record PointCount(String point, long entries, long exits) {
    }
}
