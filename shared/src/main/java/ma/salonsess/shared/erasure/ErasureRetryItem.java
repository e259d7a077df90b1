package ma.salonsess.shared.erasure;

import static ma.salonsess.shared.dynamo.Items.s;

import java.time.Instant;
import java.util.Map;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parked erasure as an item of the retries table, and back; the calls stay in {@link ErasureRetries}. */
final class ErasureRetryItem {
    private ErasureRetryItem() {
    }

    static Map<String, AttributeValue> key(ErasureRetries.Part part, String fairId, String registrationId) {
        return Map.of("fairId", s(fairId), "task", s(part.name() + "#" + registrationId));
    }

    static ErasureRetries.Pending pending(Map<String, AttributeValue> item) {
        return new ErasureRetries.Pending(Items.string(item, "fairId"), Items.string(item, "registrationId"),
                Instant.parse(Items.string(item, "firstFailedAt")), Items.number(item, "attempts"));
    }
}
