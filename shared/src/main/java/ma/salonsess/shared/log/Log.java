package ma.salonsess.shared.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;

/**
 * Failures as one JSON line each (level, request id, message, error class, stack trace), so that
 * CloudWatch Logs Insights can filter on them and one invocation's lines can be found by its id.
 * Callers write messages with ids only, never an email, phone, name or token; exception messages
 * can quote an address (SES does), so anything shaped like one is masked in the trace.
 */
public final class Log {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"'(),;:]+@[^\\s@<>\"'(),;:]+");

    private Log() {
    }

    public static void error(Context context, String message, Throwable error) {
        write(context, line("ERROR", context, message, error));
    }

    public static void warn(Context context, String message, Throwable error) {
        write(context, line("WARN", context, message, error));
    }

    /** The line written; {@code error} may be null, and so may {@code context} for a caller with none. */
    public static String line(String level, Context context, String message, Throwable error) {
        ObjectNode line = Json.object().put("level", level);
        String requestId = context == null ? null : context.getAwsRequestId();
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("message", message);
        if (error != null) {
            addError(line, error);
        }
        return Json.write(line);
    }

    /** The error's class and stack trace, with anything shaped like an email address masked. */
    static void addError(ObjectNode line, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        line.put("errorType", error.getClass().getName());
        line.put("stackTrace", EMAIL.matcher(trace.toString()).replaceAll("<email>"));
    }

    static void write(Context context, String line) {
        if (Priming.active()) {
            return; // the AWS calls priming stops on purpose, before the snapshot: not failures
        }
        if (context != null && context.getLogger() != null) {
            // As bytes: Lambda's runtime writes them as they are, one log event, where a String would
            // be wrapped as the "message" of its own JSON record under the JSON log format, and
            // CloudWatch would find neither our fields nor the metrics riding on the line.
            context.getLogger().log((line + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            System.err.println(line); // a caller below the handler, with no Lambda context at hand
        }
    }
}
