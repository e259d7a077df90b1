package ma.salonsess.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.Test;

/** An EMF line as CloudWatch reads it: the directive names each metric the line carries, per fair. */
class MetricsTest {

    @Test
    void aLineDeclaresItsMetricsUnderTheFairDimension() throws Exception {
        JsonNode line = Json.parse(Metrics.line("salon-2026", new TreeMap<>(Map.of(Metrics.EMAILS_SENT, 12L,
                Metrics.EMAILS_FAILED, 0L)), Instant.parse("2026-12-01T10:00:00Z")));

        JsonNode aws = line.path("_aws");
        assertEquals(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli(), aws.path("Timestamp").asLong());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertEquals("SalonESS", directive.path("Namespace").asText());
        assertEquals("[[\"FairId\"]]", Json.write(directive.path("Dimensions")));
        assertEquals(1, directive.path("Metrics").size(), "a zero count is left out");
        assertEquals("EmailsSent", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertEquals("salon-2026", line.path("FairId").asText());
        assertEquals(12, line.path("EmailsSent").asInt());
        assertEquals(false, line.has("EmailsFailed"));
    }
}
