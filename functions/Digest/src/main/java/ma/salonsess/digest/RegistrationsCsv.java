package ma.salonsess.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.time.Rfc3339;

/**
 * A fair's registrations as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel opens
 * Arabic names intact. Contact details (email, phone) are filled only for registrants who agreed
 * to share them; everyone else's cells stay empty.
 */
final class RegistrationsCsv implements AutoCloseable {
    static final List<String> COLUMNS = List.of("registrationId", "role", "firstName", "lastName", "arabicName",
            "organisation", "organisationType", "region", "sector", "language", "registeredAt", "email", "phone");
    /** Where a spreadsheet may start a new cell or row, whatever the locale's list separator. */
    private static final String SEPARATORS = ",;\t\r\n";
    private final Writer out;

    RegistrationsCsv(OutputStream stream) {
        try {
            stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        try {
            // Fixed ASCII names: no quoting needed, and the first line stays readable.
            out.write(String.join(",", COLUMNS) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Registration r) {
        var o = r.organisation();
        boolean shares = r.consent().shareWithExhibitors();
        line(List.of(r.registrationId(), r.role().name(), r.firstName(), r.lastName(),
                r.arabicName() == null ? "" : r.arabicName(), o == null ? "" : o.name(),
                o == null ? "" : o.type().name(), o == null || o.region() == null ? "" : o.region().code(),
                o == null || o.sector() == null ? "" : o.sector().name(), r.language().code(),
                Rfc3339.format(r.createdAt()), shares ? r.email().value() : "",
                shares && r.phone() != null ? r.phone().e164() : ""));
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every value quoted, and a formula defused with an apostrophe wherever a spreadsheet could
     * start a cell: at the start, and after a , ; tab or line break inside the value (Excel in a
     * French or Arabic locale splits on ;), also when invisible characters (U+200B, U+FEFF, spaces)
     * come first, since some importers drop them. CSV injection, OWASP.
     */
    static String cell(String value) {
        StringBuilder safe = new StringBuilder(value.length() + 4);
        boolean cellStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (cellStart && startsFormula(value, i)) {
                safe.append('\'');
            }
            safe.append(c);
            cellStart = SEPARATORS.indexOf(c) >= 0;
        }
        return "\"" + safe.toString().replace("\"", "\"\"") + "\"";
    }

    /** Whether the text from {@code from} reads as a formula once leading invisible characters go. */
    private static boolean startsFormula(String value, int from) {
        if ("\t\r".indexOf(value.charAt(from)) >= 0) {
            return true;
        }
        int i = from;
        while (i < value.length() && ignorable(value.charAt(i))) {
            i++;
        }
        return i < value.length() && "=+-@".indexOf(value.charAt(i)) >= 0;
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == '"';
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
