package ma.salonsess.shared.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateCodeTest {
    private static final CertificateCode CODES = new CertificateCode("badge-secret-for-tests");

    @Test
    void aCodeNamesItsWorkshopButNotItsHolder() {
        String code = CODES.issue("salon-2026", "financement", "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d");
        CertificateCode.Parsed parsed = CertificateCode.parse(code).orElseThrow();
        assertEquals("salon-2026", parsed.fairId());
        assertEquals("financement", parsed.workshopId());
        assertTrue(CODES.issuedFor(parsed, "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d"));
        assertFalse(CODES.issuedFor(parsed, "another-registration"));
        assertFalse(code.contains("7d3b2c1a"));
        assertTrue(code.matches("[A-Za-z0-9_.-]+"), "safe in a URL path: " + code);
    }

    @Test
    void anotherKeyOrAnotherWorkshopDoesNotVerify() {
        String code = CODES.issue("salon-2026", "financement", "r1");
        assertFalse(new CertificateCode("another-secret").issuedFor(CertificateCode.parse(code).orElseThrow(), "r1"));
        String moved = CODES.issue("salon-2026", "labellisation", "r1");
        String forged = moved.substring(0, moved.indexOf('.')) + code.substring(code.indexOf('.'));
        assertFalse(CODES.issuedFor(CertificateCode.parse(forged).orElseThrow(), "r1"),
                "a tag moved to another workshop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CA1", "CA1.", "XX1c2Fsb24KZmluYW5jZW1lbnQ.AAAAAAAAAAAAAAAAAAAAAA",
            "CA1c2Fsb24KZmluYW5jZW1lbnQ.AAAA", "CA1c2Fsb24.AAAAAAAAAAAAAAAAAAAAAA", "CA1!!!.AAAAAAAAAAAAAAAAAAAAAA",
            "CA1c2Fsb24KZmluYW5jZW1lbnQ.AAAAAAAAAAAAAAAAAAAAAA.x"})
    void malformedCodesAreNotCodes(String code) {
        assertTrue(CertificateCode.parse(code).isEmpty(), code);
    }
}
