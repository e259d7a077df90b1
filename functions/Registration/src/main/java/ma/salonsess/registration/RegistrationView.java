package ma.salonsess.registration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.time.Rfc3339;

/** A registration as its registrant sees it (never the access token's hash). */
final class RegistrationView {
    private RegistrationView() {
    }

    static ObjectNode of(Registration r, BadgeLinks links) {
        ObjectNode body = Json.object();
        body.put("registrationId", r.registrationId());
        body.put("fairId", r.fairId());
        body.put("role", r.role().name());
        body.put("status", r.status().name());
        body.put("firstName", r.firstName());
        body.put("lastName", r.lastName());
        if (r.arabicName() != null) {
            body.put("arabicName", r.arabicName());
        }
        body.put("email", r.email().value());
        if (r.phone() != null) {
            body.put("phone", r.phone().e164());
        }
        body.put("language", r.language().code());
        if (r.organisation() != null) {
            Organisation o = r.organisation();
            ObjectNode org = body.putObject("organisation");
            org.put("name", o.name());
            org.put("type", o.type().name());
            if (o.region() != null) {
                org.put("region", o.region().code());
            }
            if (o.sector() != null) {
                org.put("sector", o.sector().name());
            }
        }
        Consent c = r.consent();
        ObjectNode consent = body.putObject("consent");
        consent.put("dataProcessing", true);
        consent.put("photos", c.photos());
        consent.put("shareWithExhibitors", c.shareWithExhibitors());
        consent.put("surveys", c.surveys());
        var purposes = consent.putArray("purposes");
        c.purposes().forEach(purposes::add);
        consent.put("noticeVersion", c.noticeVersion());
        consent.put("language", c.language().code());
        consent.put("givenAt", Rfc3339.format(c.givenAt()));
        ObjectNode badge = body.putObject("badge").put("status", r.badge().status().name());
        if (r.badge().status() == BadgeState.Status.READY) {
            badge.put("url", links.link(r.badge().key()).toString());
            badge.put("urlExpiresAt", Rfc3339.format(Instant.now().plus(BadgeLinks.VALIDITY)));
        }
        body.put("createdAt", Rfc3339.format(r.createdAt()));
        body.put("retainedUntil", Rfc3339.format(r.purgeAt()));
        return body;
    }
}
