package ma.salonsess.shared.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;

/**
 * Business figures per fair in CloudWatch's Embedded Metric Format: JSON that CloudWatch Logs turns
 * into metrics (namespace {@value #NAMESPACE}, dimension {@code FairId}), with no client library and
 * no call to CloudWatch on the request's path. Counted during an invocation, they are added to its
 * one {@link Invocation} line; counted outside one, they get a line of their own on standard output.
 * Nothing is counted while priming: those requests are rehearsals with canned answers.
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

    /** Several counts of one fair; zero counts are left out. */
    public static void counts(String fairId, Map<String, Long> values) {
        if (Priming.active() || values.values().stream().allMatch(v -> v == 0)) {
            return;
        }
        if (!Invocation.count(fairId, values)) {
            write(fairId, values);
        }
    }

    /** A line of its own, written to standard output, which CloudWatch Logs reads as it is. */
    static void write(String fairId, Map<String, Long> values) {
        System.out.println(line(fairId, values, Instant.now()));
    }

    static String line(String fairId, Map<String, Long> values, Instant at) {
        ObjectNode line = Json.object();
        addTo(line, fairId, values, at);
        return Json.write(line);
    }

    /** Adds the metric directive, the fair's dimension and the non-zero values to {@code line}. */
    static void addTo(ObjectNode line, String fairId, Map<String, Long> values, Instant at) {
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
    }
}
