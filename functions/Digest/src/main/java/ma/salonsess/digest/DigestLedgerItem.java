package ma.salonsess.digest;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a fair's digest of a day is recorded: in the fair's partition of the fairs table (see
 * {@link DigestLedger}); the calls to DynamoDB stay in the ledger.
 */
final class DigestLedgerItem {
    private DigestLedgerItem() {
    }

    static Map<String, AttributeValue> key(String fairId, LocalDate day) {
        return Map.of("fairId", AttributeValue.fromS(fairId), "sk", AttributeValue.fromS("DIGEST#" + day));
    }
}
