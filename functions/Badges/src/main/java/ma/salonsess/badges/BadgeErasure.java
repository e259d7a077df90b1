package ma.salonsess.badges;

import java.time.Clock;
import java.util.List;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.erasure.ErasureRetries;
import ma.salonsess.shared.erasure.Erasures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Erasing a registration's badge (every version), for the badge function and its replay alike. */
final class BadgeErasure {
    private BadgeErasure() {
    }

    static Erasures erasures(Env env, DynamoDbClient dynamoDb, BadgeStore store, BadgeToken tokens) {
        return new Erasures(ErasureRetries.Part.BADGE,
                List.of((fairId, registrationId) -> store.delete(tokens.objectKey(fairId, registrationId))),
                new ErasureRetries(dynamoDb, env.require("ERASURE_RETRIES_TABLE")), Clock.systemUTC());
    }
}
