package ma.salonsess.benchmarks;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds up, per thread, the time spent inside SDK calls (from the call's start to its result), so
 * the benchmark can tell the handler's own time from its DynamoDB calls. Registered for every
 * client through the SDK's global interceptor file, which only the benchmark's classpath has.
 */
public final class DynamoDbCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchmark-started");
    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SPENT.get()[0] += System.nanoTime() - attributes.getAttribute(STARTED);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            SPENT.get()[0] += System.nanoTime() - started;
        }
    }

    /** Nanoseconds this thread spent in SDK calls since the last call of this method. */
    public static long takeNanos() {
        long[] spent = SPENT.get();
        long value = spent[0];
        spent[0] = 0;
        return value;
    }
}
