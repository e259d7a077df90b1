package ma.salonsess.shared.fair;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedTextJson;

/**
 * A fair as anyone may see it, for the public site's pages: what, when, where, in which time zone
 * and languages. The organisers' addresses stay out: they are who may act as organisers, and
 * nobody's business on a public page.
 */
public final class PublicFairView {
    private PublicFairView() {
    }

    public static ObjectNode of(Fair fair) {
        ObjectNode node = Json.object().put("fairId", fair.fairId());
        node.set("name", LocalizedTextJson.of(fair.name()));
        node.put("city", fair.city())
                .put("venue", fair.venue())
                .put("startDate", fair.startDate().toString())
                .put("endDate", fair.endDate().toString())
                .put("timeZone", fair.timeZone().getId())
                .put("defaultLanguage", fair.defaultLanguage().code());
        // The default first, so a page that knows nothing of its reader starts there.
        ArrayNode languages = node.putArray("languages").add(fair.defaultLanguage().code());
        for (Language language : Language.values()) {
            if (language != fair.defaultLanguage()) {
                languages.add(language.code());
            }
        }
        return node;
    }
}
