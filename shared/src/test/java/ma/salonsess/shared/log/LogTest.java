package ma.salonsess.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void oneJsonLineWithTheRequestIdTheErrorClassAndTheStackTrace() throws Exception {
        List<String> written = new ArrayList<>();
        Log.error(context("req-42", written), "Digest of fair f1 failed", new IllegalStateException("boom"));

        assertEquals(1, written.size());
        String line = written.getFirst();
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line");
        JsonNode json = Json.parse(line);
        assertEquals("ERROR", json.get("level").asText());
        assertEquals("req-42", json.get("requestId").asText());
        assertEquals("Digest of fair f1 failed", json.get("message").asText());
        assertEquals("java.lang.IllegalStateException", json.get("errorType").asText());
        assertTrue(json.get("stackTrace").asText().contains("at ma.salonsess.shared.log.LogTest"),
                json.get("stackTrace").asText());
    }

    @Test
    void anAddressQuotedByAnExceptionIsMasked() throws Exception {
        var failure = new RuntimeException("Email address is not verified: hind.alaoui@example.ma",
                new RuntimeException("cause mentions <x.y@example.org>"));
        JsonNode json = Json.parse(Log.line("WARN", null, "Send failed", failure));
        String trace = json.get("stackTrace").asText();
        assertFalse(trace.contains("@"), trace);
        assertTrue(trace.contains("not verified: <email>"), trace);
        assertFalse(json.has("requestId"), "no context, no request id");
    }

    @Test
    void aMessageWithoutAnError() throws Exception {
        JsonNode json = Json.parse(Log.line("ERROR", null, "nothing thrown", null));
        assertFalse(json.has("errorType"));
        assertFalse(json.has("stackTrace"));
    }

    private static Context context(String requestId, List<String> written) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                written.add(message);
            }

            @Override
            public void log(byte[] message) {
                written.add(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        return new Context() {
            public String getAwsRequestId() { return requestId; }
            public String getLogGroupName() { return "group"; }
            public String getLogStreamName() { return "stream"; }
            public String getFunctionName() { return "fn"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 1000; }
            public int getMemoryLimitInMB() { return 512; }
            public LambdaLogger getLogger() { return logger; }
        };
    }
}
