package ma.salonsess.shared.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormReaderTest {
    private static JsonNode body(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<FieldError> integerErrors(String number) {
        FormReader form = new FormReader();
        Optional<Integer> value = form.integer(body("{\"n\": " + number + "}"), "n", "n", true, 1, 5);
        assertTrue(value.isEmpty(), number + " read as " + value);
        return form.errors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551619", "18446744073709551616", "9223372036854775808",
            "-9223372036854775809", "4294967297", "1000000000000000000000000000000", "6", "0", "-3"})
    void numbersOutOfRangeAreRefusedRatherThanWrapped(String number) {
        assertEquals(List.of(new FieldError("n", "out_of_range", "Must be a whole number from 1 to 5.")),
                integerErrors(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0", "4.5", "4e0", "1e400", "\"4\"", "true"})
    void numbersThatAreNotWholeAreRefused(String number) {
        assertEquals("invalid_type", integerErrors(number).getFirst().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "5", "3"})
    void wholeNumbersInRangeAreRead(String number) {
        FormReader form = new FormReader();
        assertEquals(Optional.of(Integer.parseInt(number)), form.integer(body("{\"n\": " + number + "}"), "n", "n",
                true, 1, 5));
        assertTrue(form.errors().isEmpty());
    }

    private static List<FieldError> nameErrors(String name) {
        FormReader form = new FormReader();
        var node = Json.object().put("firstName", name);
        Optional<String> read = form.name(node, "firstName", "firstName", true, 150);
        assertTrue(read.isEmpty() || !form.errors().isEmpty() == read.isEmpty(), "read and errors agree");
        return form.errors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amina\u202Egnp.exe", "Amina\u202A", "Amina\u202B", "Amina\u202C", "Amina\u202D",
            "Amina\u2066x", "Amina\u2067x", "Amina\u2068x", "Amina\u2069x", "Ami\u200Bna", "Amina\u200E",
            "Amina\u200F", "\uFEFFAmina", "Amina\u2028Bcc", "Amina\u2029x", "Amina\u00ADx", "Amina\u061Cx",
            "Ami\u0000na", "Amina\nBenali", "Amina\u0085x", "Amina\uD800", "\uDC00Amina", "Amina\uDBFFx"})
    void invisibleBidiAndBrokenCharactersAreRefused(String name) {
        assertEquals(List.of("invalid_characters"), nameErrors(name).stream().map(FieldError::code).toList(),
                name.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amina www.example.org", "http://example.org", "Amina HTTPS://x", "WWW.evil.ma",
            "Amina ｗｗｗ．evil．ma", "see hxxp://x", "Coop ftp://x"})
    void namesMayNotCarryLinks(String name) {
        assertEquals(List.of("link_not_allowed"), nameErrors(name).stream().map(FieldError::code).toList(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amina", "Fatima Zahra El Idrissi", "فاطمة الزهراء الإدريسي", "O'Brien-Smith",
            "می\u200Cخواهم", "لا\u200Dم", "Coopérative Tighanimine", "Dr. Www", "Jean-Pierre N'Diaye",
            "Zoë 🌿"})
    void namesInLatinOrArabicScriptWithTheirJoinersAreKept(String name) {
        assertEquals(List.of(), nameErrors(name), name);
    }
}
