package ma.salonsess.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks every DynamoDB call for its consumed capacity and adds it up: read units for reads, write
 * units for writes, as DynamoDB Local reports them. Local reports a transaction's units per table
 * for one item of it (measured: a transaction of four items of one table reports 2 WCU), while AWS
 * bills every item, 2 WCU per KB: {@link Usage#wcuBilled} adds 2 WCU for each item beyond the one
 * per table that Local counted (every such item here is under 1 KB). Off unless a benchmark
 * switches it on, so the latency benchmarks send the calls unchanged. Registered for every client
 * through the SDK's global interceptor file of the benchmarks.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private static volatile boolean enabled;
    private static final LongAdder CALLS = new LongAdder();
    private static final LongAdder FAILED = new LongAdder();
    private static final DoubleAdder READ = new DoubleAdder();
    private static final DoubleAdder WRITE = new DoubleAdder();
    private static final DoubleAdder UNCOUNTED = new DoubleAdder();

    /**
     * Calls, failed calls (refused conditions, conflicts), read and write units since {@link #reset}:
     * {@code wcu} as Local reports it, {@code wcuBilled} with every item of a transaction counted.
     */
    public record Usage(long calls, long failed, double rcu, double wcu, double wcuBilled) {
    }

    public static void enable() {
        enabled = true;
    }

    public static void reset() {
        CALLS.reset();
        FAILED.reset();
        READ.reset();
        WRITE.reset();
        UNCOUNTED.reset();
    }

    public static Usage take() {
        Usage usage = new Usage(CALLS.sum(), FAILED.sum(), READ.sum(), WRITE.sum(),
                WRITE.sum() + UNCOUNTED.sum());
        reset();
        return usage;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!enabled) {
            return context.request();
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!enabled || !context.request().getClass().getPackageName().endsWith("dynamodb.model")) {
            return;
        }
        CALLS.increment();
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> read(one(r.consumedCapacity()));
            case QueryResponse r -> read(one(r.consumedCapacity()));
            case ScanResponse r -> read(one(r.consumedCapacity()));
            case BatchGetItemResponse r -> read(r.consumedCapacity());
            case TransactGetItemsResponse r -> read(r.consumedCapacity());
            case PutItemResponse r -> write(one(r.consumedCapacity()));
            case UpdateItemResponse r -> write(one(r.consumedCapacity()));
            case DeleteItemResponse r -> write(one(r.consumedCapacity()));
            case BatchWriteItemResponse r -> write(r.consumedCapacity());
            case TransactWriteItemsResponse r -> {
                write(r.consumedCapacity());
                int items = ((TransactWriteItemsRequest) context.request()).transactItems().size();
                UNCOUNTED.add(2.0 * (items - r.consumedCapacity().size()));
            }
            default -> {
            }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (enabled && context.request().getClass().getPackageName().endsWith("dynamodb.model")) {
            CALLS.increment();
            FAILED.increment();
        }
    }

    private static List<ConsumedCapacity> one(ConsumedCapacity consumed) {
        return consumed == null ? List.of() : List.of(consumed);
    }

    private static void read(List<ConsumedCapacity> consumed) {
        READ.add(units(consumed));
    }

    private static void write(List<ConsumedCapacity> consumed) {
        WRITE.add(units(consumed));
    }

    private static double units(List<ConsumedCapacity> consumed) {
        double sum = 0;
        for (ConsumedCapacity c : consumed) {
            if (c != null && c.capacityUnits() != null) {
                sum += c.capacityUnits();
            }
        }
        return sum;
    }
}
