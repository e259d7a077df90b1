package ma.salonsess.shared.text;

import java.util.Objects;

/** A text in French, Arabic and English. French is the fallback, being the fairs' working language. */
public record LocalizedText(String fr, String ar, String en) {

    public LocalizedText {
        Objects.requireNonNull(fr, "fr");
    }

    public String in(Language language) {
        String text = switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
        return text == null || text.isBlank() ? fr : text;
    }
}
