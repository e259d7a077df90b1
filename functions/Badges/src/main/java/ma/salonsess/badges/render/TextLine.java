package ma.salonsess.badges.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One line of text in visual order, cut into runs by font: the Arabic face for what it has glyphs
 * for, the Latin face for the rest, so mixed names print with the right glyphs.
 */
final class TextLine {
    private record Run(String text, PDType0Font font) {
    }

    private final List<Run> runs = new ArrayList<>();

    TextLine(String visual, BadgeFonts.Face latin, BadgeFonts.Face arabic) throws IOException {
        StringBuilder current = new StringBuilder();
        BadgeFonts.Face currentFace = null;
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            BadgeFonts.Face face = isArabic(cp) && arabic.covers(cp) ? arabic
                    : (latin.covers(cp) ? latin : arabic.covers(cp) ? arabic : latin);
            if (face != currentFace && !current.isEmpty()) {
                runs.add(new Run(current.toString(), currentFace.font()));
                current.setLength(0);
            }
            currentFace = face;
            // A character neither face has is left out rather than drawn as a box.
            if (face.covers(cp)) {
                current.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentFace.font()));
        }
    }

    private static boolean isArabic(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC;
    }

    float width(float size) throws IOException {
        float width = 0;
        for (Run run : runs) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    /** Draws the line centred on {@code centreX}, its baseline at {@code y}. */
    void drawCentred(PDPageContentStream content, float size, float centreX, float y) throws IOException {
        float x = centreX - width(size) / 2;
        for (Run run : runs) {
            content.beginText();
            content.setFont(run.font(), size);
            content.newLineAtOffset(x, y);
            content.showText(run.text());
            content.endText();
            x += run.font().getStringWidth(run.text()) / 1000f * size;
        }
    }
}
