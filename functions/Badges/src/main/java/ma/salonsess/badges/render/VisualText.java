package ma.salonsess.badges.render;

import java.text.Bidi;

/**
 * A line of text in the order its characters are drawn left to right: Arabic shaped, then the
 * Unicode bidirectional algorithm (the JDK's) applied, so Arabic reads right to left while Latin
 * words and digits inside it keep their own direction.
 */
public final class VisualText {
    private VisualText() {
    }

    /** @param rightToLeftParagraph whether the line is Arabic first (its base direction) */
    public static String of(String logical, boolean rightToLeftParagraph) {
        String shaped = ArabicShaper.shape(logical);
        Bidi bidi = new Bidi(shaped, rightToLeftParagraph ? Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT
                : Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return shaped;
        }
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] texts = new String[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = shaped.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            texts[i] = (levels[i] & 1) == 1 ? mirrored(new StringBuilder(run).reverse().toString()) : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        return String.join("", texts);
    }

    /** Paired punctuation faces the other way in right-to-left runs. */
    private static String mirrored(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(switch (c) {
                case '(' -> ')';
                case ')' -> '(';
                case '[' -> ']';
                case ']' -> '[';
                case '{' -> '}';
                case '}' -> '{';
                case '<' -> '>';
                case '>' -> '<';
                case '«' -> '»';
                case '»' -> '«';
                default -> c;
            });
        }
        return out.toString();
    }
}
