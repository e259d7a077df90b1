package ma.salonsess.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.salonsess.shared.contact.EmailAddress;
import ma.salonsess.shared.registration.AccessToken;
import ma.salonsess.shared.registration.BadgeState;
import ma.salonsess.shared.registration.Consent;
import ma.salonsess.shared.registration.Organisation;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;

/** Hostile values in the export: none may run as a formula, whichever separator Excel splits on. */
class RegistrationsCsvTest {
    /** What starts a formula once a spreadsheet has dropped leading blanks and invisible characters. */
    private static final Pattern FORMULA = Pattern.compile("^[\\s\\u00A0\\u200B\\uFEFF\"]*[=+\\-@].*", Pattern.DOTALL);

    private static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "Coop;=cmd|' /C calc'!A0",
            "Coop,+1+1",
            "\u200B=1+1",
            "\uFEFF@SUM(A1:A9)",
            " =1+1",
            "\u00A0-2+3",
            "\t=1",
            "\r=1",
            "a;\u200B =1",
            "a\n=1",
            "\"=1\"");

    private static String row(String organisation, String firstName) {
        Instant now = Instant.parse("2026-12-10T09:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RegistrationsCsv csv = new RegistrationsCsv(out)) {
            csv.add(new Registration(UUID.randomUUID().toString(), "fair-1", Role.EXHIBITOR,
                    Registration.Status.CONFIRMED, firstName, "Test", null, new EmailAddress("a@example.org"), null,
                    Language.FR, new Organisation(organisation, OrganisationType.COOPERATIVE, Region.SOUSS_MASSA,
                            Sector.CRAFTS), new Consent(false, true, "2026-11", Language.FR, now), BadgeState.pending(),
                    AccessToken.generate().hash(), now, now.plusSeconds(86_400), 1));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n") + 2);
    }

    /** The cells a spreadsheet that ignores quoting would see, splitting on {@code separator}. */
    private static List<String> naiveCells(String line, String separator) {
        return List.of(line.split(Pattern.quote(separator) + "|\r|\n|\t", -1));
    }

    @Test
    void noHostileValueStartsAFormulaWhereverACellCouldStart() {
        for (String hostile : HOSTILE) {
            String line = row(hostile, hostile);
            for (String separator : List.of(",", ";")) {
                for (String cell : naiveCells(line, separator)) {
                    assertFalse(FORMULA.matcher(cell).matches(),
                            "split on '" + separator + "', a cell runs as a formula: [" + cell + "] in " + line);
                }
            }
        }
    }

    @Test
    void everyTextCellIsQuotedSoASemicolonStaysInside() {
        assertEquals("\"Coop;'=cmd\"", RegistrationsCsv.cell("Coop;=cmd"));
        assertEquals("\"a,b\"", RegistrationsCsv.cell("a,b"));
        assertEquals("\"Fatima\"", RegistrationsCsv.cell("Fatima"));
        assertEquals("\"\"", RegistrationsCsv.cell(""));
        String line = row("Coopérative Amal", "Amal");
        assertTrue(line.matches("(\"[^\"]*\",){12}\"[^\"]*\"\r\n"), "thirteen quoted cells: " + line);
    }

    @Test
    void invisibleCharactersBeforeAFormulaDoNotHideIt() {
        assertEquals("\"'\u200B=1+1\"", RegistrationsCsv.cell("\u200B=1+1"));
        assertEquals("\"'\uFEFF@SUM(A1)\"", RegistrationsCsv.cell("\uFEFF@SUM(A1)"));
        assertEquals("\"' =1\"", RegistrationsCsv.cell(" =1"));
        assertEquals("\"'\tx\"", RegistrationsCsv.cell("\tx"), "a leading tab too");
    }

    @Test
    void ordinaryNamesAreLeftAlone() {
        assertEquals("\"Jean-Pierre Aït-Ben\"", RegistrationsCsv.cell("Jean-Pierre Aït-Ben"));
        assertEquals("\"فاطمة الزهراء\"", RegistrationsCsv.cell("فاطمة الزهراء"));
        assertEquals("\"Coopérative, Tiznit\"", RegistrationsCsv.cell("Coopérative, Tiznit"));
    }
}
