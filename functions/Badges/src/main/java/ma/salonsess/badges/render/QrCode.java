package ma.salonsess.badges.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn as vector squares: sharp at any print size, a few hundred bytes in the PDF. */
final class QrCode {
    private QrCode() {
    }

    static void draw(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text.length() + " characters", e);
        }
        int modules = matrix.getWidth();
        float module = size / modules;
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < modules; row++) {
            int start = -1;
            for (int col = 0; col <= modules; col++) {
                boolean dark = col < modules && matrix.get(col, row);
                if (dark && start < 0) {
                    start = col;
                } else if (!dark && start >= 0) {
                    // one rectangle per horizontal run of dark modules
                    content.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
                    start = -1;
                }
            }
        }
        content.fill();
    }
}
