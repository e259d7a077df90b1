package ma.salonsess.workshops;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.dynamo.TableKeys;
import ma.salonsess.shared.erasure.Erasures;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.stream.StreamBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * When a registration is erased at its registrant's request, or deleted by the retention TTL,
 * its workshop signups go too (law 09-08): held seats pass to the people waiting, places in
 * line are left, signup records and agenda are deleted. Its survey goes too, or, if answered,
 * becomes anonymous. Its check-ins go (counts stay; CheckinErasure). An erasure that fails is
 * parked with its ids in the retries table before
 * the failure is reported, so {@link ErasureReplayHandler} can complete it after the stream
 * has forgotten the record.
 */
public final class ErasureHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final Erasures erasures;

    public ErasureHandler() {
        this(Env.system());
    }

    public ErasureHandler(Env env) {
        this(env, AwsClients.dynamoDb(env));
    }

    /** With a given DynamoDB client: tests pass one that fails on purpose. */
    public ErasureHandler(Env env, DynamoDbClient dynamoDb) {
        this.erasures = ErasureWiring.erasures(env, dynamoDb);
        Priming.register("SignupErasureFunction", this, ErasurePriming::removal);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatch.eachRecord(event, context, record -> {
            var keys = record.getDynamodb().getKeys();
            if ("REMOVE".equals(record.getEventName())) {
                TableKeys.registration(keys.get("fairId").getS(), keys.get("sk").getS())
                        .ifPresent(erased -> erasures.erase(erased.fairId(), erased.registrationId()));
            }
        });
    }
}
