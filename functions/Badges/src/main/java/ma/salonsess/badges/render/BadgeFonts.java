package ma.salonsess.badges.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** The four faces loaded into one document. */
    public record Set(PDType0Font latin, PDType0Font latinBold, PDType0Font arabic, PDType0Font arabicBold) {
    }

    public Set load(PDDocument document) throws IOException {
        TrueTypeFont[] fonts = parsed.get();
        return new Set(PDType0Font.load(document, fonts[0], true), PDType0Font.load(document, fonts[1], true),
                PDType0Font.load(document, fonts[2], true), PDType0Font.load(document, fonts[3], true));
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

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
