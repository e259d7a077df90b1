package ma.salonsess.shared.registration;

import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Access links and request logs as items of the access links table, and back; the calls to
 * DynamoDB stay in {@link AccessLinkRepository}.
 */
final class AccessLinkItem {
    private AccessLinkItem() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    static String linkId(String secretHash) {
        return "LINK#" + secretHash;
    }

    static String limitId(String fairId, EmailAddress email) {
        return "LIMIT#" + AccessToken.sha256Hex(fairId + "\n" + email.normalized());
    }

    static Map<String, AttributeValue> link(String secretHash, String fairId, String registrationId,
                                            Instant validUntil) {
        return Map.of(
                "id", s(linkId(secretHash)),
                "fairId", s(fairId),
                "registrationId", s(registrationId),
                "validUntil", n(validUntil.getEpochSecond()),
                "expiresAt", n(validUntil.getEpochSecond()));
    }

    static Map<String, AttributeValue> requestLog(String fairId, EmailAddress email, List<Instant> times, long version,
                                                  Instant expiresAt) {
        return Map.of(
                "id", s(limitId(fairId, email)),
                "times", AttributeValue.fromL(times.stream().map(t -> n(t.toEpochMilli())).toList()),
                "version", n(version),
                "expiresAt", n(expiresAt.getEpochSecond()));
    }

    static AccessLinkRepository.RequestLog requestLog(Map<String, AttributeValue> item) {
        return new AccessLinkRepository.RequestLog(item.get("times").l().stream()
                .map(t -> Instant.ofEpochMilli(Long.parseLong(t.n()))).toList(), Items.number(item, "version"));
    }
}
