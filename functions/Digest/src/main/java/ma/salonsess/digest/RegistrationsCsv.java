package ma.salonsess.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ma.salonsess.shared.registration.Registration;

/**
 * A fair's registrations as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel opens
 * Arabic names intact. Contact details (email, phone) are filled only for registrants who agreed
 * to share them; everyone else's cells stay empty.
 */
final class RegistrationsCsv implements AutoCloseable {
    static final List<String> COLUMNS = List.of("registrationId", "role", "firstName", "lastName", "arabicName",
            "organisation", "organisationType", "region", "sector", "language", "registeredAt", "email", "phone");
    private final Writer out;

    RegistrationsCsv(OutputStream stream) {
        try {
            stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        line(COLUMNS);
    }

    void add(Registration r) {
        var o = r.organisation();
        boolean shares = r.consent().shareWithExhibitors();
        line(List.of(r.registrationId(), r.role().name(), r.firstName(), r.lastName(),
                r.arabicName() == null ? "" : r.arabicName(), o == null ? "" : o.name(),
                o == null ? "" : o.type().name(), o == null || o.region() == null ? "" : o.region().code(),
                o == null || o.sector() == null ? "" : o.sector().name(), r.language().code(),
                r.createdAt().toString(), shares ? r.email().value() : "",
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
     * Quoted when needed; a leading = + - @ is defused with an apostrophe, so no cell runs as a
     * formula in a spreadsheet (CSV injection).
     */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
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
