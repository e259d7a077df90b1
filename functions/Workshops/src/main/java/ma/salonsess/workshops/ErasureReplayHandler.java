package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.log.Invocation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Completes the erasures the erasure function parked (hourly, or invoked by hand). It fails while
 * any is still pending afterwards: that failure is what raises the erasure backlog alarm.
 */
public final class ErasureReplayHandler implements RequestHandler<Map<String, Object>, String> {
    private final Erasures erasures;

    public ErasureReplayHandler() {
        this(Env.system());
    }

    public ErasureReplayHandler(Env env) {
        this(env, AwsClients.dynamoDb(env));
    }

    /** With a given DynamoDB client: tests pass one that fails on purpose. */
    public ErasureReplayHandler(Env env, DynamoDbClient dynamoDb) {
        this.erasures = ErasureWiring.erasures(env, dynamoDb);
        Priming.register("ErasureReplayFunction", this, ErasurePriming::replay);
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return Invocation.run(context, "schedule erasure-replay", () -> handle(input, context));
    }

    private String handle(Map<String, Object> input, Context context) {
        Erasures.Replayed replayed = erasures.replay();
        if (!replayed.stillPending().isEmpty()) {
            throw new IllegalStateException(replayed.stillPending().size() + " erasure(s) still pending after "
                    + replayed.completed() + " completed; they stay in the retries table");
        }
        return "completed " + replayed.completed() + " erasure(s); none pending";
    }
}
