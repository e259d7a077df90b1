package ma.salonsess.shared.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import ma.salonsess.shared.json.Json;

/**
 * One JSON line per invocation, whatever started it: the request id, the function, where the event
 * came from ({@code source}: the API route's key, a table's stream, a schedule), the fair(s) it
 * concerned, how it ended ({@code outcome}), how long it took, and on failure the stack trace. It
 * carries ids and counts only, never an email, phone number, name or token: {@code source} is a
 * route template, not the path, and outcomes are statuses and counts.
 *
 * <p>The fair's {@link Metrics} counted meanwhile on the invocation's thread ride on the same line,
 * in CloudWatch's Embedded Metric Format, so a request costs one write to the log, not two; only a
 * batch that counts for several fairs writes a metric line of its own for each further fair.
 */
public final class Invocation {
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private final Context context;
    private final String source;
    private final long started = System.nanoTime();
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

    private Invocation(Context context, String source) {
        this.context = context;
        this.source = source;
    }

    /** Opens the invocation on this thread; one left open by a request that died is dropped. */
    public static Invocation start(Context context, String source) {
        Invocation invocation = new Invocation(context, source);
        CURRENT.set(invocation);
        return invocation;
    }

    /** Adds counts to the invocation open on this thread; false when there is none, to write them apart. */
    static boolean count(String fairId, Map<String, Long> values) {
        Invocation current = CURRENT.get();
        if (current == null) {
            return false;
        }
        Map<String, Long> fair = current.counts.computeIfAbsent(fairId, f -> new LinkedHashMap<>());
        values.forEach((metric, value) -> fair.merge(metric, value, Long::sum));
        return true;
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
        close(line("INFO", fairIds, outcome, null));
    }

    public void failed(Collection<String> fairIds, String outcome, Throwable error) {
        close(line("ERROR", fairIds, outcome, error));
    }

    private void close(String line) {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        Log.write(context, line);
        counts.entrySet().stream().skip(1).forEach(fair -> Metrics.write(fair.getKey(), fair.getValue()));
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
        if (!counts.isEmpty()) {
            var first = counts.entrySet().iterator().next();
            Metrics.addTo(line, first.getKey(), first.getValue(), Instant.now());
        }
        return Json.write(line);
    }
}
