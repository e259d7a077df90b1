package ma.salonsess.badges.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import ma.salonsess.badges.BadgeContent;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Print sheets: A4 pages of four A6 badges (two by two: A6 is exactly a quarter of A4), with cut
 * marks where the sheet is cut. One document for all the badges, so each font is embedded once;
 * PDFBox keeps its working data in a temporary file, not the heap, so thousands of badges fit in
 * a small Lambda.
 */
public final class BadgeSheet {
    private static final float MARK = 9;
    private final BadgeRenderer renderer;
    private final BadgeFonts fonts;

    public BadgeSheet(BadgeRenderer renderer, BadgeFonts fonts) {
        this.renderer = renderer;
        this.fonts = fonts;
    }

    /** Renders every badge to {@code out}; returns how many. */
    public int render(Iterator<BadgeContent> badges, OutputStream out) throws IOException {
        int count = 0;
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            document.getDocumentInformation().setTitle("Badges");
            document.getDocumentInformation().setProducer("Salon ESS");
            BadgeFonts.Set faces = fonts.load(document);
            float w = BadgeRenderer.A6.getWidth();
            float h = BadgeRenderer.A6.getHeight();
            PDRectangle a4 = PDRectangle.A4;
            float left = (a4.getWidth() - 2 * w) / 2;
            float bottom = (a4.getHeight() - 2 * h) / 2;
            while (badges.hasNext()) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int slot = 0; slot < 4 && badges.hasNext(); slot++) {
                        float x = left + (slot % 2) * w;
                        float y = bottom + (slot < 2 ? h : 0);
                        renderer.draw(content, faces, badges.next(), x, y);
                        count++;
                    }
                    cutMarks(content, a4, left, bottom, w, h);
                }
            }
            document.save(out);
        }
        return count;
    }

    /** Thin marks on the sheet's edges where the cuts run, and a cross where they meet. */
    private static void cutMarks(PDPageContentStream content, PDRectangle a4, float left, float bottom, float w,
                                 float h) throws IOException {
        content.setStrokingColor(0.3f, 0.3f, 0.3f);
        content.setLineWidth(0.4f);
        float midX = left + w;
        float midY = bottom + h;
        content.moveTo(midX, 0);
        content.lineTo(midX, MARK);
        content.moveTo(midX, a4.getHeight());
        content.lineTo(midX, a4.getHeight() - MARK);
        content.moveTo(0, midY);
        content.lineTo(MARK, midY);
        content.moveTo(a4.getWidth(), midY);
        content.lineTo(a4.getWidth() - MARK, midY);
        content.moveTo(midX - MARK / 2, midY);
        content.lineTo(midX + MARK / 2, midY);
        content.moveTo(midX, midY - MARK / 2);
        content.lineTo(midX, midY + MARK / 2);
        content.stroke();
    }
}
