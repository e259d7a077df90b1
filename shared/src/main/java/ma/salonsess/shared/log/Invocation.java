package ma.salonsess.shared.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import ma.salonsess.shared.json.Json;

/**
 * One JSON line per invocation, whatever started it: the request id, the function, where the event
 * came from ({@code source}: the API route's key, a table's stream, a schedule), the fair(s) it
 * concerned, how it ended ({@code outcome}), how long it took, and on failure the stack trace. It
 * carries ids and counts only, never an email, phone number, name or token: {@code source} is a
 * route template, not the path, and outcomes are statuses and counts.
 */
public final class Invocation {
    private final Context context;
    private final String source;
    private final long started = System.nanoTime();

    private Invocation(Context context, String source) {
        this.context = context;
        this.source = source;
    }

    public static Invocation start(Context context, String source) {
        return new Invocation(context, source);
    }

    /** Runs a handler's body for an event with no fair of its own (a schedule, a replay) and logs how it ended. */
    public static <T> T run(Context context, String source, Supplier<T> body) {
        return run(context, source, null, body, String::valueOf);
    }

    /** As {@link #run(Context, String, Supplier)}, with the fair and what of the result the line says. */
    public static <T> T run(Context context, String source, String fairId, Supplier<T> body,
                            Function<T, String> outcome) {
        Invocation invocation = start(context, source);
        T result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            invocation.failed(fairId == null ? null : List.of(fairId), "failed", e);
            throw e;
        }
        invocation.ended(fairId == null ? null : List.of(fairId), outcome.apply(result));
        return result;
    }

    public void ended(Collection<String> fairIds, String outcome) {
        Log.write(context, line("INFO", fairIds, outcome, null));
    }

    public void failed(Collection<String> fairIds, String outcome, Throwable error) {
        Log.write(context, line("ERROR", fairIds, outcome, error));
    }

    String line(String level, Collection<String> fairIds, String outcome, Throwable error) {
        ObjectNode line = Json.object().put("level", level).put("type", "invocation");
        if (context != null && context.getAwsRequestId() != null) {
            line.put("requestId", context.getAwsRequestId());
        }
        if (context != null && context.getFunctionName() != null) {
            line.put("function", context.getFunctionName());
        }
        line.put("source", source);
        if (fairIds != null && fairIds.size() == 1) {
            line.put("fairId", fairIds.iterator().next());
        } else if (fairIds != null && !fairIds.isEmpty()) {
            fairIds.forEach(line.putArray("fairIds")::add);
        }
        line.put("outcome", outcome);
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (error != null) {
            Log.addError(line, error);
        }
        return Json.write(line);
    }
}
