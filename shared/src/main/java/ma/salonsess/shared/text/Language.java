package ma.salonsess.shared.text;

import java.util.Locale;

/** The languages people at the fairs read: French, Arabic, English. */
public enum Language {
    FR("fr"), AR("ar"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code used in the API ({@code fr}, {@code ar}, {@code en}). */
    public String code() {
        return code;
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language " + code);
    }
}
