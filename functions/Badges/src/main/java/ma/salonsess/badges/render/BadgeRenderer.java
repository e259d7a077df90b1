package ma.salonsess.badges.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import ma.salonsess.badges.BadgeContent;
import ma.salonsess.shared.registration.Role;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders one A6 portrait badge: the fair's name in the registrant's language, the role as a
 * coloured band, the name in Latin script and, when given, in Arabic script (joined, right to
 * left), the organisation and region for exhibitors, and a QR code of the signed token. Names
 * shrink to fit, and break onto two lines before they would become too small to read.
 */
public final class BadgeRenderer {
    /** A6: 105 x 148 mm. */
    public static final PDRectangle A6 = new PDRectangle(105 / 25.4f * 72, 148 / 25.4f * 72);
    private static final float MARGIN = 16;
    private static final float QR_SIZE = 118;
    private final BadgeFonts fonts;

    public BadgeRenderer(BadgeFonts fonts) {
        this.fonts = fonts;
    }

    /** The band colour of each role, distinct at a glance and in grey-scale print. */
    public static float[] colour(Role role) {
        return switch (role) {
            case VISITOR -> new float[] {0.18f, 0.49f, 0.20f};     // green
            case EXHIBITOR -> new float[] {0.08f, 0.40f, 0.75f};   // blue
            case PARTICIPANT -> new float[] {0.42f, 0.11f, 0.60f}; // purple
            case SPEAKER -> new float[] {0.78f, 0.16f, 0.16f};     // red
            case PRESS -> new float[] {0.94f, 0.42f, 0.00f};       // orange
        };
    }

    public byte[] render(BadgeContent badge) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Badge");
            info.setProducer("Salon ESS");
            PDPage page = new PDPage(A6);
            document.addPage(page);
            BadgeFonts.Set faces = fonts.load(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                draw(content, faces, badge, 0, 0);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(40_000);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render a badge", e);
        }
    }

    /** Draws a badge with its lower-left corner at (x, y); print sheets place four per A4 page. */
    public void draw(PDPageContentStream content, BadgeFonts.Set faces, BadgeContent badge, float x, float y)
            throws IOException {
        float width = A6.getWidth();
        float height = A6.getHeight();
        float centre = x + width / 2;
        float usable = width - 2 * MARGIN;
        boolean arabicFirst = badge.language().rightToLeft();

        content.setNonStrokingColor(0.15f, 0.15f, 0.15f);
        fit(content, faces.latinBold(), faces.arabicBold(), badge.fairName(), arabicFirst, 11, 7, usable, centre,
                y + height - MARGIN - 12);

        float[] colour = colour(badge.role());
        float bandTop = y + height - 64;
        content.setNonStrokingColor(colour[0], colour[1], colour[2]);
        content.addRect(x, bandTop - 40, width, 40);
        content.fill();
        content.setNonStrokingColor(1f, 1f, 1f);
        fit(content, faces.latinBold(), faces.arabicBold(), badge.roleLabel(), arabicFirst, 22, 12, usable, centre,
                bandTop - 28);

        content.setNonStrokingColor(0f, 0f, 0f);
        float nameY = bandTop - 40 - 38;
        nameY = fit(content, faces.latinBold(), faces.arabicBold(), badge.fullName(), false, 24, 13, usable, centre,
                nameY);
        if (badge.arabicName() != null) {
            nameY = fit(content, faces.latinBold(), faces.arabicBold(), badge.arabicName(), true, 24, 13, usable,
                    centre, nameY - 34);
        }
        content.setNonStrokingColor(0.25f, 0.25f, 0.25f);
        if (badge.organisation() != null) {
            nameY = fit(content, faces.latin(), faces.arabic(), badge.organisation(), arabicFirst, 13, 8, usable,
                    centre, nameY - 26);
        }
        if (badge.region() != null) {
            fit(content, faces.latin(), faces.arabic(), badge.region(), arabicFirst, 10, 7, usable, centre,
                    nameY - 16);
        }
        QrCode.draw(content, badge.token(), centre - QR_SIZE / 2, y + MARGIN, QR_SIZE);
    }

    /**
     * Draws {@code logical} centred at baseline {@code y}, as large as fits up to {@code max}
     * points; below {@code min} points it breaks at the space nearest the middle onto two lines.
     * Returns the baseline of the last line drawn.
     */
    private static float fit(PDPageContentStream content, BadgeFonts.Face latin, BadgeFonts.Face arabic, String logical,
                             boolean rightToLeft, float max, float min, float available, float centreX, float y)
            throws IOException {
        TextLine line = new TextLine(VisualText.of(logical, rightToLeft), latin, arabic);
        float size = sizeToFit(line, max, available);
        if (size >= min || logical.indexOf(' ') < 0) {
            line.drawCentred(content, Math.max(size, 4), centreX, y);
            return y;
        }
        List<String> halves = split(logical);
        float lineSize = max;
        TextLine first = new TextLine(VisualText.of(halves.get(0), rightToLeft), latin, arabic);
        TextLine second = new TextLine(VisualText.of(halves.get(1), rightToLeft), latin, arabic);
        lineSize = Math.min(sizeToFit(first, lineSize, available), sizeToFit(second, lineSize, available));
        first.drawCentred(content, lineSize, centreX, y);
        second.drawCentred(content, lineSize, centreX, y - lineSize * 1.15f);
        return y - lineSize * 1.15f;
    }

    private static float sizeToFit(TextLine line, float max, float available) throws IOException {
        float width = line.width(max);
        return width <= available ? max : max * available / width;
    }

    private static List<String> split(String text) {
        int middle = text.length() / 2;
        int best = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return List.of(text.substring(0, best).strip(), text.substring(best + 1).strip());
    }
}
