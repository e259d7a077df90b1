package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import ma.salonsess.badges.render.ArabicShaper;
import ma.salonsess.badges.render.VisualText;
import org.junit.jupiter.api.Test;

class VisualTextTest {
    @Test
    void lettersTakeTheFormTheirNeighboursCallFor() {
        // فاطمة: feh initial, alef final, tah initial, meem medial, teh marbuta final
        assertEquals("\uFED3\uFE8E\uFEC3\uFEE4\uFE94", ArabicShaper.shape("فاطمة"));
        // A single letter stands alone; a right-joining letter breaks the word.
        assertEquals("\uFE8F", ArabicShaper.shape("ب"));
        assertEquals("\uFEA9\uFE8D\uFEAD", ArabicShaper.shape("دار"), "dal, alef, reh never join forward");
    }

    @Test
    void lamAlefBecomesOneLigature() {
        // الإدريسي: alef, then lam + alef-hamza-below as one glyph
        String shaped = ArabicShaper.shape("الإدريسي");
        assertEquals('\uFE8D', shaped.charAt(0));
        assertEquals('\uFEF9', shaped.charAt(1), "isolated lam-alef: the alef before does not join forward");
        assertEquals("\uFEDF\uFEFC", ArabicShaper.shape("\u0644\u0644\u0627").substring(0, 2),
                "after a joining lam, the final lam-alef form");
    }

    @Test
    void shapingChangesOnlyTheLookNotTheText() {
        String name = "فاطمة الزهراء الإدريسي";
        assertEquals(name, Normalizer.normalize(ArabicShaper.shape(name), Normalizer.Form.NFKC));
    }

    @Test
    void moroccanLettersAreShapedToo() {
        // أݣادير / ڭ (ng) as written for Agadir in Morocco; گ gaf
        assertEquals("\uFBD5", ArabicShaper.shape("\u06ADا").substring(0, 1), "initial ng before alef");
        assertEquals("\uFB93", ArabicShaper.shape("\u0628\u06AF").substring(1), "final gaf");
    }

    @Test
    void arabicReadsRightToLeftWithLatinAndDigitsInPlace() {
        String visual = VisualText.of("تعاونية 2026", true);
        // Drawn left to right: the number first (kept as "2026"), then the reversed Arabic word.
        assertEquals("2026 " + new StringBuilder(ArabicShaper.shape("تعاونية")).reverse(), visual);
        String mixed = VisualText.of("Coopérative تيغانيمين", false);
        assertEquals("Coopérative " + new StringBuilder(ArabicShaper.shape("تيغانيمين")).reverse(), mixed);
        assertEquals("Fatima Zahra", VisualText.of("Fatima Zahra", false), "Latin untouched");
    }
}
