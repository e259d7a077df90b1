package ma.salonsess.badges.render;

/**
 * Arabic joining: replaces each Arabic letter by the presentation form its neighbours call for
 * (isolated, final, initial or medial) and lam followed by alef by their ligature, so that a
 * font's presentation-form glyphs print joined letters. Input and output are in logical order;
 * reordering right-to-left is {@link VisualText}'s job.
 *
 * <p>Covers the Arabic letters U+0621-U+064A and those used in Morocco and for Amazigh names
 * written in Arabic script (پ چ ژ ڤ ڭ ک گ ی). Harakat and other marks are transparent to joining.
 */
public final class ArabicShaper {
    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;

    /** Joins on its right side only (alef, dal, reh, waw...). */
    private static final int RIGHT = 1;
    /** Joins on both sides. */
    private static final int DUAL = 2;

    private ArabicShaper() {
    }

    public static String shape(String logical) {
        StringBuilder out = new StringBuilder(logical.length());
        int length = logical.length();
        for (int i = 0; i < length; i++) {
            char c = logical.charAt(i);
            int[] forms = forms(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = joinsToNext(previousLetter(logical, i));
            int next = nextLetterIndex(logical, i);
            char nextChar = next < 0 ? 0 : logical.charAt(next);
            if (c == '\u0644' && lamAlef(nextChar) != null) {
                int[] ligature = lamAlef(nextChar);
                out.append((char) (joinsBefore ? ligature[FINAL] : ligature[ISOLATED]));
                // keep marks between lam and alef, drop the alef itself
                out.append(logical, i + 1, next);
                i = next;
                continue;
            }
            boolean joinsAfter = joining(c) == DUAL && joinsFromPrevious(nextChar);
            int form;
            if (joinsBefore && joinsAfter) {
                form = MEDIAL;
            } else if (joinsBefore) {
                form = FINAL;
            } else if (joinsAfter) {
                form = INITIAL;
            } else {
                form = ISOLATED;
            }
            int shaped = forms[form];
            out.append(shaped == 0 ? c : (char) shaped);
        }
        return out.toString();
    }

    private static char previousLetter(String s, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!transparent(s.charAt(j))) {
                return s.charAt(j);
            }
        }
        return 0;
    }

    private static int nextLetterIndex(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            if (!transparent(s.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    /** Whether {@code c} connects to the letter after it (on its left, in writing). */
    private static boolean joinsToNext(char c) {
        return joining(c) == DUAL || c == '\u0640' || c == '\u200D';
    }

    /** Whether {@code c} accepts a connection from the letter before it. */
    private static boolean joinsFromPrevious(char c) {
        return joining(c) != 0 || c == '\u0640' || c == '\u200D';
    }

    private static boolean transparent(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED');
    }

    private static int joining(char c) {
        int[] forms = forms(c);
        if (forms == null) {
            return c == '\u0640' ? DUAL : 0;
        }
        return forms[INITIAL] == 0 ? RIGHT : DUAL;
    }

    private static int[] lamAlef(char alef) {
        return switch (alef) {
            case '\u0622' -> new int[] {0xFEF5, 0xFEF6};
            case '\u0623' -> new int[] {0xFEF7, 0xFEF8};
            case '\u0625' -> new int[] {0xFEF9, 0xFEFA};
            case '\u0627' -> new int[] {0xFEFB, 0xFEFC};
            default -> null;
        };
    }

    /** Isolated, final, initial, medial; 0 where the letter has no such form. */
    private static int[] forms(char c) {
        if (c >= '\u0621' && c <= '\u064A') {
            return BASIC[c - 0x0621];
        }
        return switch (c) {
            case '\u067E' -> new int[] {0xFB56, 0xFB57, 0xFB58, 0xFB59}; // peh
            case '\u0686' -> new int[] {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}; // tcheh
            case '\u0698' -> new int[] {0xFB8A, 0xFB8B, 0, 0};           // jeh
            case '\u06A4' -> new int[] {0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D}; // veh
            case '\u06A9' -> new int[] {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}; // keheh
            case '\u06AD' -> new int[] {0xFBD3, 0xFBD4, 0xFBD5, 0xFBD6}; // ng (Moroccan gaf)
            case '\u06AF' -> new int[] {0xFB92, 0xFB93, 0xFB94, 0xFB95}; // gaf
            case '\u06CC' -> new int[] {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}; // farsi yeh
            default -> null;
        };
    }

    /** Presentation forms B for U+0621 to U+064A (null for the tatweel and the unassigned). */
    private static final int[][] BASIC = {
            {0xFE80, 0, 0, 0},                  // 0621 hamza (joins nowhere)
            {0xFE81, 0xFE82, 0, 0},             // 0622 alef madda
            {0xFE83, 0xFE84, 0, 0},             // 0623 alef hamza above
            {0xFE85, 0xFE86, 0, 0},             // 0624 waw hamza
            {0xFE87, 0xFE88, 0, 0},             // 0625 alef hamza below
            {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},   // 0626 yeh hamza
            {0xFE8D, 0xFE8E, 0, 0},             // 0627 alef
            {0xFE8F, 0xFE90, 0xFE91, 0xFE92},   // 0628 beh
            {0xFE93, 0xFE94, 0, 0},             // 0629 teh marbuta
            {0xFE95, 0xFE96, 0xFE97, 0xFE98},   // 062A teh
            {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},   // 062B theh
            {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},   // 062C jeem
            {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},   // 062D hah
            {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},   // 062E khah
            {0xFEA9, 0xFEAA, 0, 0},             // 062F dal
            {0xFEAB, 0xFEAC, 0, 0},             // 0630 thal
            {0xFEAD, 0xFEAE, 0, 0},             // 0631 reh
            {0xFEAF, 0xFEB0, 0, 0},             // 0632 zain
            {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},   // 0633 seen
            {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},   // 0634 sheen
            {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},   // 0635 sad
            {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},   // 0636 dad
            {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},   // 0637 tah
            {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},   // 0638 zah
            {0xFEC9, 0xFECA, 0xFECB, 0xFECC},   // 0639 ain
            {0xFECD, 0xFECE, 0xFECF, 0xFED0},   // 063A ghain
            null, null, null, null, null,       // 063B-063F
            null,                               // 0640 tatweel
            {0xFED1, 0xFED2, 0xFED3, 0xFED4},   // 0641 feh
            {0xFED5, 0xFED6, 0xFED7, 0xFED8},   // 0642 qaf
            {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},   // 0643 kaf
            {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},   // 0644 lam
            {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},   // 0645 meem
            {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},   // 0646 noon
            {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},   // 0647 heh
            {0xFEED, 0xFEEE, 0, 0},             // 0648 waw
            {0xFEEF, 0xFEF0, 0, 0},             // 0649 alef maksura
            {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},   // 064A yeh
    };
}
