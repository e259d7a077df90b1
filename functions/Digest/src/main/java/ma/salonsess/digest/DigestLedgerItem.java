package ma.salonsess.digest;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a fair's digest of a day is recorded: in the fair's partition of the fairs table (see
 * {@link DigestLedger}); the calls to DynamoDB stay in the ledger.
 */
final class DigestLedgerItem {
    private DigestLedgerItem() {
    }

    /** A day's record outlives every retry of that day's run, then the table's TTL removes it. */
    static final Period KEPT = Period.ofDays(35);

    static Map<String, AttributeValue> key(String fairId, LocalDate day) {
        return Map.of("fairId", AttributeValue.fromS(fairId), "sk", AttributeValue.fromS("DIGEST#" + day));
    }

    /** When the table's TTL may delete the record of {@code day} (seconds since the epoch, UTC). */
    static long expiresAt(LocalDate day) {
        return day.plus(KEPT).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
