package ma.salonsess.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;
import org.junit.jupiter.api.Test;

/** One line per invocation: its request id, source, fair, outcome, and on failure the trace. */
class InvocationTest {
    private final List<String> lines = new ArrayList<>();

    private final Context context = new Context() {
        public String getAwsRequestId() {
            return "req-1";
        }

        public String getLogGroupName() {
            return null;
        }

        public String getLogStreamName() {
            return null;
        }

        public String getFunctionName() {
            return "SurveyDispatchFunction";
        }

        public String getFunctionVersion() {
            return "1";
        }

        public String getInvokedFunctionArn() {
            return null;
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 1000;
        }

        public int getMemoryLimitInMB() {
            return 1024;
        }

        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) {
                    lines.add(message);
                }

                public void log(byte[] message) {
                    log(new String(message));
                }
            };
        }
    };

    @Test
    void aRunThatEndsWritesOneLineWithItsOutcome() throws Exception {
        String result = Invocation.run(context, "schedule survey-dispatch", "fair-1", () -> "INVITATIONS DONE",
                String::valueOf);

        assertEquals("INVITATIONS DONE", result);
        assertEquals(1, lines.size());
        JsonNode line = Json.parse(lines.get(0));
        assertEquals("INFO", line.get("level").asText());
        assertEquals("req-1", line.get("requestId").asText());
        assertEquals("SurveyDispatchFunction", line.get("function").asText());
        assertEquals("schedule survey-dispatch", line.get("source").asText());
        assertEquals("fair-1", line.get("fairId").asText());
        assertEquals("INVITATIONS DONE", line.get("outcome").asText());
        assertTrue(line.has("durationMs"));
    }

    @Test
    void aRunThatFailsWritesOneErrorLineWithTheStackTraceAndRethrows() throws Exception {
        assertThrows(IllegalStateException.class, () -> Invocation.run(context, "schedule digest", () -> {
            throw new IllegalStateException("SES refused mail to someone@example.org");
        }));

        assertEquals(1, lines.size());
        JsonNode line = Json.parse(lines.get(0));
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("failed", line.get("outcome").asText());
        assertEquals(IllegalStateException.class.getName(), line.get("errorType").asText());
        assertTrue(line.get("stackTrace").asText().contains("InvocationTest"), "where it failed");
        assertFalse(lines.get(0).contains("someone@example.org"), "addresses in messages are masked");
    }

    @Test
    void severalFairsAreListed() throws Exception {
        Invocation.start(context, "dynamodb-stream RegistrationsTable").ended(Set.of("a"), "processed 1 record(s)");
        Invocation.start(context, "dynamodb-stream RegistrationsTable")
                .ended(new TreeSet<>(Set.of("a", "b")), "processed 2 record(s)");

        assertEquals("a", Json.parse(lines.get(0)).get("fairId").asText());
        assertEquals("[\"a\",\"b\"]", Json.write(Json.parse(lines.get(1)).get("fairIds")));
    }
    @Test
    void whatARequestCountsRidesOnItsOneLineAsEmbeddedMetrics() throws Exception {
        String printed = printedDuring(() -> Invocation.run(context, "http POST /fairs/{fairId}/registrations",
                "fair-1", () -> {
                    Metrics.count("fair-1", Metrics.REGISTRATIONS);
                    Metrics.count("fair-1", Metrics.REGISTRATIONS);
                    Metrics.count("fair-1", Metrics.SIGNUPS);
                    return 201;
                }, String::valueOf));

        assertEquals("", printed, "no second line");
        assertEquals(1, lines.size());
        JsonNode line = Json.parse(lines.get(0));
        assertEquals("invocation", line.get("type").asText());
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("SalonESS", directive.path("Namespace").asText());
        assertEquals("[[\"FairId\"]]", Json.write(directive.path("Dimensions")));
        assertEquals(2, directive.path("Metrics").size());
        assertEquals("fair-1", line.get("FairId").asText());
        assertEquals(2, line.get("Registrations").asInt(), "two counts of one metric add up");
        assertEquals(1, line.get("Signups").asInt());
    }

    @Test
    void aBatchCountingForSeveralFairsWritesTheOthersOnLinesOfTheirOwn() throws Exception {
        String printed = printedDuring(() -> {
            Invocation invocation = Invocation.start(context, "dynamodb-stream NotificationsTable");
            Metrics.count("a", Metrics.EMAILS_SENT);
            Metrics.count("b", Metrics.EMAILS_SENT);
            Metrics.count("a", Metrics.EMAILS_SENT);
            invocation.ended(new TreeSet<>(Set.of("a", "b")), "processed 3 record(s)");
        });

        JsonNode line = Json.parse(lines.get(0));
        assertEquals("a", line.get("FairId").asText());
        assertEquals(2, line.get("EmailsSent").asInt());
        JsonNode other = Json.parse(printed.strip());
        assertEquals("b", other.get("FairId").asText());
        assertEquals(1, other.get("EmailsSent").asInt());
        assertTrue(other.has("_aws"));
    }

    @Test
    void aCountOutsideAnyInvocationIsWrittenAtOnceAndNotKeptForTheNext() throws Exception {
        Invocation.run(context, "schedule digest", () -> "sent");
        String printed = printedDuring(() -> Metrics.count("fair-1", Metrics.SURVEYS_ANSWERED));
        Invocation.run(context, "schedule digest", () -> "sent");

        assertEquals(1, Json.parse(printed.strip()).get("SurveysAnswered").asInt());
        assertFalse(lines.get(1).contains("_aws"), "an ended invocation takes no more counts");
    }

    @Test
    void nothingIsCountedWhilePriming() throws Exception {
        String printed = printedDuring(() -> Priming.run("InvocationTestFunction", () -> {
            Invocation.run(context, "http POST /fairs/{fairId}/registrations", "fair-1", () -> {
                Metrics.count("fair-1", Metrics.REGISTRATIONS);
                return 201;
            }, String::valueOf);
            Metrics.count("fair-1", Metrics.REGISTRATIONS);
        }, Priming.Answers.NONE));

        assertTrue(lines.isEmpty(), "rehearsals are not logged");
        assertFalse(printed.contains("_aws"), "nor counted: " + printed);
    }

    private static String printedDuring(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        // Priming says what it did on a line of its own; that line is not a metric.
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("\"primed "))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
