package ma.salonsess.digest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.snapstart.ApiSample;

/**
 * What SnapStart priming (see {@code Priming}) sends the digest functions before the snapshot:
 * the digest and export routes, and the evening run's (unread) schedule input.
 */
final class DigestPriming {
    private DigestPriming() {
    }

    static List<APIGatewayV2HTTPEvent> samples() {
        return List.of(ApiSample.of(DigestApiHandler.DIGEST).organiser(false).build(),
                ApiSample.of(DigestApiHandler.CSV).organiser(false).build());
    }

    static List<Map<String, Object>> evening() {
        return List.of(Map.of());
    }
}
