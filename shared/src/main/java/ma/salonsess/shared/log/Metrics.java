package ma.salonsess.shared.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/**
 * Business figures per fair in CloudWatch's Embedded Metric Format: one JSON line on standard
 * output that CloudWatch Logs turns into metrics (namespace {@value #NAMESPACE}, dimension
 * {@code FairId}), with no client library and no call to CloudWatch on the request's path.
 * Written to {@code System.out}, not through the Lambda logger, whose JSON log format would wrap
 * the line in a {@code message} field CloudWatch does not read metrics from.
 */
public final class Metrics {
    public static final String NAMESPACE = "SalonESS";
    public static final String REGISTRATIONS = "Registrations";
    public static final String SIGNUPS = "Signups";
    public static final String PROMOTIONS = "Promotions";
    public static final String BADGES_RENDERED = "BadgesRendered";
    public static final String EMAILS_SENT = "EmailsSent";
    public static final String EMAILS_FAILED = "EmailsFailed";
    public static final String SURVEYS_ANSWERED = "SurveysAnswered";

    private Metrics() {
    }

    /** Counts one event of a fair. */
    public static void count(String fairId, String metric) {
        counts(fairId, Map.of(metric, 1L));
    }

    /** Several counts of one fair in one line; zero counts are left out. */
    public static void counts(String fairId, Map<String, Long> values) {
        if (values.values().stream().anyMatch(v -> v != 0)) {
            System.out.println(line(fairId, values, Instant.now()));
        }
    }

    static String line(String fairId, Map<String, Long> values, Instant at) {
        ObjectNode line = Json.object();
        ObjectNode aws = line.putObject("_aws").put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("FairId");
        var metrics = directive.putArray("Metrics");
        line.put("FairId", fairId);
        values.forEach((name, value) -> {
            if (value != 0) {
                metrics.addObject().put("Name", name).put("Unit", "Count");
                line.put(name, value);
            }
        });
        return Json.write(line);
    }
}
