package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.snapstart.StreamSample;

/**
 * What SnapStart priming (see {@code Priming}) sends the erasure functions before the snapshot:
 * a registration's removal from the stream, and the hourly replay's (unread) schedule input.
 */
final class ErasurePriming {
    private ErasurePriming() {
    }

    static List<DynamodbEvent> removal() {
        return List.of(StreamSample.of("REMOVE", StreamSample.registrationKeys(), null, StreamSample.registration()));
    }

    static List<Map<String, Object>> replay() {
        return List.of(Map.of());
    }
}
