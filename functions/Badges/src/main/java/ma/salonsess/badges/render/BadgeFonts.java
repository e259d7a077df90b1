package ma.salonsess.badges.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Noto fonts (SIL Open Font License, from npm at build time), read once per container and
 * embedded into each badge as subsets of the glyphs it uses.
 */
public final class BadgeFonts {
    private final byte[] latinRegular = read("/fonts/noto-sans/400Regular/NotoSans_400Regular.ttf");
    private final byte[] latinBold = read("/fonts/noto-sans/700Bold/NotoSans_700Bold.ttf");
    private final byte[] arabicRegular = read("/fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf");
    private final byte[] arabicBold = read("/fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf");
    // Parsed once: parsing a font costs more than drawing a badge. A parsed font is read, not
    // changed, when a document embeds a subset of it; one thread at a time uses a set.
    private final ThreadLocal<TrueTypeFont[]> parsed = ThreadLocal.withInitial(() -> new TrueTypeFont[] {
            parse(latinRegular), parse(latinBold), parse(arabicRegular), parse(arabicBold)});

    /**
     * A face for one document: its glyph coverage comes from the font parsed once, and it is
     * embedded into the document only if something is drawn with it.
     */
    public static final class Face {
        private final TrueTypeFont ttf;
        private final CmapLookup cmap;
        private final PDDocument document;
        private PDType0Font embedded;

        Face(TrueTypeFont ttf, PDDocument document) throws IOException {
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.document = document;
        }

        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        PDType0Font font() throws IOException {
            if (embedded == null) {
                embedded = PDType0Font.load(document, ttf, true);
            }
            return embedded;
        }
    }

    /** The four faces, for one document. */
    public record Set(Face latin, Face latinBold, Face arabic, Face arabicBold) {
    }

    public Set load(PDDocument document) throws IOException {
        TrueTypeFont[] fonts = parsed.get();
        return new Set(new Face(fonts[0], document), new Face(fonts[1], document), new Face(fonts[2], document),
                new Face(fonts[3], document));
    }

    private static byte[] read(String resource) {
        try (InputStream in = BadgeFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the jar (run npm ci, then build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hides the font's GSUB table (renamed in the table directory) from PDFBox: it would run its
     * layout rules on every string drawn, rebuilding them each time, and a badge needs none of
     * them (Arabic arrives shaped into presentation forms, Latin needs no ligatures). Half the
     * rendering time went there.
     */
    static byte[] withoutLayoutRules(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xFF) << 8) | (copy[5] & 0xFF);
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (copy[record] == 'G' && copy[record + 1] == 'S' && copy[record + 2] == 'U' && copy[record + 3] == 'B') {
                copy[record] = 'g';
                copy[record + 1] = 's';
                copy[record + 2] = 'u';
                copy[record + 3] = 'x';
            }
        }
        return copy;
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(withoutLayoutRules(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
