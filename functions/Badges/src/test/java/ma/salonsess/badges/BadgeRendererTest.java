package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.BadgeRenderer;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Badges read back from the PDF: what is printed is what was asked. */
class BadgeRendererTest {
    static final BadgeRenderer RENDERER = new BadgeRenderer(new BadgeFonts());
    static final BadgeToken TOKENS = new BadgeToken("a-test-secret-of-at-least-thirty-two-characters");
    static final String FAIR = "salon-national-2026";

    static BadgeContent exhibitor() {
        return new BadgeContent("المعرض الوطني للاقتصاد الاجتماعي والتضامني 2026", Language.AR,
                "Fatima Zahra El Idrissi", "فاطمة الزهراء الإدريسي", Role.EXHIBITOR, "Coopérative Tighanimine",
                "سوس ماسة", TOKENS.issue(FAIR, "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d", Role.EXHIBITOR));
    }

    /**
     * The page's text as a reader gets it: presentation forms back to letters (NFKC). Noto draws
     * the medial Arabic yeh and the medial Farsi yeh with one glyph, and PDFBox's text map names
     * that glyph by the Farsi code point; the ink is the same, so the two are read as one letter.
     */
    static String text(PDDocument pdf) throws Exception {
        return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFKC).replace('\u06CC', '\u064A');
    }

    static String decodeQr(PDDocument pdf) throws Exception {
        // ZXing's single-code reader misses about one valid version-7 code in twelve even drawn
        // perfectly (it settles on a wrong trio of finder patterns); its multiple-code reader weighs
        // every trio and read all of 2,000 such codes. Phones' readers are not ZXing's Java one.
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        NotFoundException notFound = null;
        for (int dpi : new int[] {200, 300}) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, dpi);
            try {
                Result[] found = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(page))), hints);
                assertEquals(1, found.length, "one code on the page");
                return found[0].getText();
            } catch (NotFoundException e) {
                notFound = e;
            }
        }
        throw notFound;
    }

    @Test
    void anExhibitorsBadgeShowsBothScriptsTheOrganisationAndAVerifiableQrCode() throws Exception {
        byte[] bytes = RENDERER.render(exhibitor());
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals(105, Math.round(pdf.getPage(0).getMediaBox().getWidth() / 72 * 25.4));
            assertEquals(148, Math.round(pdf.getPage(0).getMediaBox().getHeight() / 72 * 25.4));
            String text = text(pdf);
            assertTrue(text.contains("Fatima Zahra El Idrissi"), text);
            assertTrue(text.contains("فاطمة الزهراء الإدريسي"), "Arabic name, joined, in reading order: " + text);
            assertTrue(text.contains("Coopérative Tighanimine"), text);
            assertTrue(text.contains("سوس ماسة"), "region in the registrant's language: " + text);
            assertTrue(text.contains("عارض"), "role label in Arabic: " + text);
            List<String> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                fonts.add(font.getName());
            }
            assertTrue(fonts.stream().allMatch(f -> f.matches("[A-Z]{6}\\+.*")), "subsets: " + fonts);
            assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansArabic")), fonts.toString());
            String qr = decodeQr(pdf);
            assertEquals(new BadgeToken.Holder("7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d", Role.EXHIBITOR),
                    TOKENS.verify(FAIR, qr).orElseThrow(), "the exhibitor's band is what the code signs");
            assertTrue(!qr.contains("Fatima") && !qr.contains("@"), "no personal data in the QR code");
        }
        assertTrue(bytes.length < 60_000, "badge of " + bytes.length + " bytes");
    }

    @Test
    void aCooperativeNameAndAnArabicNameWithDigitsPrintAsGiven() throws Exception {
        BadgeContent badge = new BadgeContent("Salon National de l'Économie Sociale et Solidaire 2026", Language.FR,
                "Youssef Benali", "تعاونية أركان 2026", Role.VISITOR, null, null, TOKENS.issue(
                FAIR, "0b7e1c9d-2a4f-4e6b-8c1d-3f2e1a0b9c8d", Role.VISITOR));
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(badge))) {
            String text = text(pdf);
            assertTrue(text.contains("تعاونية أركان 2026") || text.contains("2026 تعاونية أركان"), text);
            assertTrue(text.contains("VISITEUR"), text);
            assertTrue(text.contains("Salon National de l'Économie Sociale et Solidaire 2026"), text);
        }
    }

    @Test
    void aVeryLongNameShrinksAndBreaksRatherThanOverflow() throws Exception {
        String longName = "Mohammed Amine Abdelkader Ben Abdellah El Alaoui El Ismaili El Hassani Ouazzani Chahdi";
        BadgeContent badge = new BadgeContent("Foire", Language.EN, longName, null, Role.SPEAKER, null, null,
                TOKENS.issue(FAIR, "0b7e1c9d-2a4f-4e6b-8c1d-3f2e1a0b9c8d", Role.SPEAKER));
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(badge))) {
            String text = text(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains(longName), "every word printed: " + text);
            assertTrue(text.contains("SPEAKER"), text);
            var stripper = new PositionsWithinPage();
            stripper.getText(pdf);
            assertTrue(stripper.allInside, "no glyph outside the page");
        }
    }

    @Test
    void eachRoleHasItsOwnColour() {
        var colours = new HashSet<List<Float>>();
        for (Role role : Role.values()) {
            float[] c = BadgeRenderer.colour(role);
            colours.add(List.of(c[0], c[1], c[2]));
        }
        assertEquals(Role.values().length, colours.size());
    }

    /** Checks that every glyph drawn lies within the page. */
    static final class PositionsWithinPage extends PDFTextStripper {
        boolean allInside = true;

        PositionsWithinPage() throws IOException {
        }

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
            for (var p : positions) {
                if (p.getXDirAdj() < 0 || p.getXDirAdj() + p.getWidthDirAdj() > BadgeRenderer.A6.getWidth() + 0.5) {
                    allInside = false;
                }
            }
        }
    }
}
