package ma.salonsess.shared.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.salonsess.shared.json.Json;

/** A {@link LocalizedText} as the API shows it: {@code {"fr": ..., "ar": ..., "en": ...}}. */
public final class LocalizedTextJson {
    private LocalizedTextJson() {
    }

    public static ObjectNode of(LocalizedText text) {
        ObjectNode node = Json.object().put("fr", text.fr());
        if (text.ar() != null) {
            node.put("ar", text.ar());
        }
        if (text.en() != null) {
            node.put("en", text.en());
        }
        return node;
    }
}
