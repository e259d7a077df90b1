package ma.salonsess.shared.dynamo;

import java.util.List;
import ma.salonsess.shared.retry.Backoff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes DynamoDB transactions, retrying those cancelled only because another transaction touched
 * the same items at the same time (a conflict is not an answer a user should ever see).
 */
public final class Transactions {
    private static final int MAX_ATTEMPTS = 8;

    private Transactions() {
    }

    /**
     * Writes the items atomically. Throws {@link TransactionCanceledException} when a condition
     * failed (see {@link #conditionFailed}), or when conflicts persisted past every retry.
     */
    public static void write(DynamoDbClient dynamoDb, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                if (!onlyConflicts(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Backoff.CONTENTION.pause(attempt);
            }
        }
    }

    /** Whether the item at {@code index} of the cancelled transaction failed its condition. */
    public static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean onlyConflicts(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null || reasons.isEmpty()) {
            return false;
        }
        boolean conflict = false;
        for (CancellationReason reason : reasons) {
            String code = reason.code();
            if ("TransactionConflict".equals(code)) {
                conflict = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return conflict;
    }
}
