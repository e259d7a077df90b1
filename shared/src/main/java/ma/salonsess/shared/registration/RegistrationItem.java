package ma.salonsess.shared.registration;

import static ma.salonsess.shared.dynamo.Items.bool;
import static ma.salonsess.shared.dynamo.Items.list;
import static ma.salonsess.shared.dynamo.Items.m;
import static ma.salonsess.shared.dynamo.Items.n;
import static ma.salonsess.shared.dynamo.Items.s;
import static ma.salonsess.shared.dynamo.Items.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.dynamo.Items;
import ma.salonsess.shared.text.Language;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A registration as an item of the registrations table, and back (with its badge state, email
 * claim and email health); the calls to DynamoDB stay in {@link RegistrationRepository}.
 */
final class RegistrationItem {
    private RegistrationItem() {
    }

    static Map<String, AttributeValue> toItem(Registration r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("fairId", s(r.fairId()));
        item.put("sk", s(RegistrationRepository.registrationSortKey(r.registrationId())));
        item.put("type", s(RegistrationRepository.TYPE_REGISTRATION));
        item.put("registrationId", s(r.registrationId()));
        item.put("role", s(r.role().name()));
        item.put("status", s(r.status().name()));
        item.put("firstName", s(r.firstName()));
        item.put("lastName", s(r.lastName()));
        if (r.arabicName() != null) {
            item.put("arabicName", s(r.arabicName()));
        }
        item.put("email", s(r.email().value()));
        item.put("emailNormalized", s(r.email().normalized()));
        if (r.phone() != null) {
            item.put("phone", s(r.phone().e164()));
        }
        item.put("language", s(r.language().code()));
        if (r.organisation() != null) {
            Organisation o = r.organisation();
            Map<String, AttributeValue> org = new HashMap<>();
            org.put("name", s(o.name()));
            org.put("type", s(o.type().name()));
            if (o.region() != null) {
                org.put("region", s(o.region().code()));
            }
            if (o.sector() != null) {
                org.put("sector", s(o.sector().name()));
            }
            item.put("organisation", m(org));
        }
        Consent c = r.consent();
        item.put("consent", m(Map.of(
                "dataProcessing", bool(true),
                "photos", bool(c.photos()),
                "shareWithExhibitors", bool(c.shareWithExhibitors()),
                "surveys", bool(c.surveys()),
                "purposes", list(c.purposes()),
                "noticeVersion", s(c.noticeVersion()),
                "language", s(c.language().code()),
                "givenAt", s(c.givenAt().toString()))));
        item.put("badge", m(Map.of("status", s(BadgeState.Status.PENDING.name()))));
        item.put("accessTokenHash", s(r.accessTokenHash()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("updatedAt", s(r.createdAt().toString()));
        item.put("purgeAt", n(r.purgeAt().getEpochSecond()));
        item.put("version", n(r.version()));
        return item;
    }

    static Registration fromItem(Map<String, AttributeValue> item) {
        Organisation organisation = null;
        if (item.containsKey("organisation")) {
            var org = Items.map(item, "organisation");
            organisation = new Organisation(string(org, "name"), OrganisationType.valueOf(string(org, "type")),
                    Items.optionalString(org, "region").map(Region::fromCode).orElse(null),
                    Items.optionalString(org, "sector").map(Sector::valueOf).orElse(null));
        }
        var consent = Items.map(item, "consent");
        return new Registration(string(item, "registrationId"), string(item, "fairId"),
                Role.valueOf(string(item, "role")), Registration.Status.valueOf(string(item, "status")),
                string(item, "firstName"), string(item, "lastName"),
                Items.optionalString(item, "arabicName").orElse(null), new EmailAddress(string(item, "email")),
                Items.optionalString(item, "phone").map(PhoneNumber::new).orElse(null),
                Language.fromCode(string(item, "language")), organisation,
                new Consent(Items.flag(consent, "photos"), Items.flag(consent, "shareWithExhibitors"),
                        Items.flag(consent, "surveys"),
                        string(consent, "noticeVersion"), Language.fromCode(string(consent, "language")),
                        Instant.parse(string(consent, "givenAt"))),
                badge(Items.map(item, "badge")),
                string(item, "accessTokenHash"), Instant.parse(string(item, "createdAt")),
                Instant.ofEpochSecond(Items.number(item, "purgeAt")),
                item.containsKey("version") ? Items.number(item, "version") : 1);
    }

    private static BadgeState badge(Map<String, AttributeValue> badge) {
        BadgeState.Status status = BadgeState.Status.valueOf(string(badge, "status"));
        return status == BadgeState.Status.PENDING ? BadgeState.pending()
                : BadgeState.ready(string(badge, "key"), Items.number(badge, "version"),
                Instant.parse(string(badge, "readyAt")));
    }

    static AttributeValue badge(BadgeState ready) {
        return m(Map.of("status", s(ready.status().name()), "key", s(ready.key()),
                "version", n(ready.version()), "readyAt", s(ready.readyAt().toString())));
    }

    /** The email claim that makes one address register once per fair; deleted with the registration. */
    static Map<String, AttributeValue> emailClaim(Registration registration) {
        return Map.of(
                "fairId", s(registration.fairId()),
                "sk", s(RegistrationRepository.emailSortKey(registration.email())),
                "type", s(RegistrationRepository.TYPE_EMAIL_CLAIM),
                "registrationId", s(registration.registrationId()),
                "purgeAt", n(registration.purgeAt().getEpochSecond()));
    }

    static RegistrationRepository.EmailHealth health(Map<String, AttributeValue> item) {
        return new RegistrationRepository.EmailHealth(item.containsKey("emailUndeliverable")
                ? Items.optionalString(Items.map(item, "emailUndeliverable"), "reason").orElse(null) : null,
                item.containsKey("emailsPending") && item.get("emailsPending").hasSs()
                        && !item.get("emailsPending").ss().isEmpty());
    }
}
