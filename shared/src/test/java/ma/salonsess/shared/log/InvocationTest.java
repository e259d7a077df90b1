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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ma.salonsess.shared.json.Json;
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
}
