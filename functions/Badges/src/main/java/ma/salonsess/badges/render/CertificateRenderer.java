package ma.salonsess.badges.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import ma.salonsess.shared.certificate.Certificates.Certificate;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.workshop.Workshop;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A certificate of attendance, A4 landscape, in the registrant's language: the fair, the name in
 * Latin script and in Arabic script (shaped and joined as on the badges, with the badges' fonts),
 * the workshop, its date and duration, and a QR code of the public verification link.
 */
public final class CertificateRenderer {
    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
            PDRectangle.A4.getWidth());
    private static final float MARGIN = 56;
    private static final float QR_SIZE = 140;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final BadgeFonts fonts;

    public CertificateRenderer(BadgeFonts fonts) {
        this.fonts = fonts;
    }

    /** @param verifyUrl the public link the QR code holds, where anyone can check the certificate */
    public byte[] render(Certificate c, String verifyUrl) {
        Language language = c.registrant().language();
        boolean rtl = language.rightToLeft();
        Workshop w = c.workshop();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words(language, "Attestation de participation", "شهادة حضور", "Certificate of attendance"));
            info.setProducer("Salon ESS");
            PDPage page = new PDPage(A4_LANDSCAPE);
            document.addPage(page);
            BadgeFonts.Set faces = fonts.load(document);
            float width = A4_LANDSCAPE.getWidth();
            float centre = width / 2;
            float usable = width - 2 * MARGIN;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setStrokingColor(0.18f, 0.49f, 0.20f);
                content.setLineWidth(3);
                content.addRect(24, 24, width - 48, A4_LANDSCAPE.getHeight() - 48);
                content.stroke();
                content.setNonStrokingColor(0.18f, 0.49f, 0.20f);
                float y = A4_LANDSCAPE.getHeight() - MARGIN - 30;
                line(content, faces, words(language, "Attestation de participation", "شهادة حضور",
                        "Certificate of attendance"), rtl, true, 30, usable, centre, y);
                content.setNonStrokingColor(0.15f, 0.15f, 0.15f);
                line(content, faces, c.fair().name().in(language), rtl, false, 16, usable, centre, y -= 32);
                line(content, faces, words(language, "est décernée à", "تُمنح إلى", "is awarded to"), rtl, false,
                        14, usable, centre, y -= 44);
                content.setNonStrokingColor(0f, 0f, 0f);
                line(content, faces, c.registrant().firstName() + " " + c.registrant().lastName(), false, true, 28,
                        usable, centre, y -= 40);
                if (c.registrant().arabicName() != null) {
                    line(content, faces, c.registrant().arabicName(), true, true, 28, usable, centre, y -= 38);
                }
                content.setNonStrokingColor(0.15f, 0.15f, 0.15f);
                line(content, faces, words(language, "pour sa participation à l'atelier", "لحضور الورشة",
                        "for attending the workshop"), rtl, false, 14, usable, centre, y -= 40);
                line(content, faces, w.title().in(language), rtl, true, 20, usable, centre, y -= 30);
                long minutes = Duration.between(w.startsAt(), w.endsAt()).toMinutes();
                String duration = minutes / 60 + " h " + (minutes % 60 < 10 ? "0" : "") + minutes % 60;
                line(content, faces, words(language, "le ", "بتاريخ ", "on ") + DATE.format(w.startsAt())
                        + words(language, ", durée ", "، المدة ", ", duration ") + duration + ", "
                        + c.fair().city(), rtl, false, 13, usable, centre, y -= 26);
                QrCode.draw(content, verifyUrl, width - MARGIN - QR_SIZE + 16, MARGIN - 16, QR_SIZE);
                content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                line(content, faces, words(language, "Vérifier cette attestation : scannez le code",
                        "للتحقق من هذه الشهادة: امسحوا الرمز", "Check this certificate: scan the code"), rtl, false, 9,
                        usable - QR_SIZE, centre - QR_SIZE / 2, MARGIN + 10);
                line(content, faces, c.code(), false, false, 7, usable - QR_SIZE, centre - QR_SIZE / 2, MARGIN - 4);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(60_000);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render a certificate", e);
        }
    }

    private static String words(Language language, String fr, String ar, String en) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
    }

    /** One centred line, shrunk to the width available. */
    private static void line(PDPageContentStream content, BadgeFonts.Set faces, String logical, boolean rightToLeft,
                             boolean bold, float max, float available, float centreX, float y) throws IOException {
        TextLine line = new TextLine(VisualText.of(logical, rightToLeft), bold ? faces.latinBold() : faces.latin(),
                bold ? faces.arabicBold() : faces.arabic());
        float width = line.width(max);
        line.drawCentred(content, width <= available ? max : Math.max(4, max * available / width), centreX, y);
    }
}
