package ma.salonsess.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan every integration test's log output goes through finds what it must. */
class LogPrivacyTest {

    @Test
    void anInvocationLineOfIdsAndCountsIsClean() {
        String line = "[RegistrationFunction] {\"level\":\"INFO\",\"type\":\"invocation\",\"requestId\":"
                + "\"2dd05e08-b1b9-425f-809a-a55234d3f831\",\"source\":\"http POST /fairs/{fairId}/registrations\","
                + "\"fairId\":\"salon-national-ess-2026\",\"outcome\":\"201\",\"durationMs\":12}\n"
                + "{\"level\":\"ERROR\",\"message\":"
                + "\"Stream record c4ca4238a0b923820dcc509a6f75849b09 failed\","
                + "\"stackTrace\":\"java.lang.IllegalStateException: No fair x\\n"
                + "\\tat ma.salonsess.Foo.bar(Foo.java:105)\"}";
        assertEquals(List.of(), LogPrivacy.findings(line));
    }

    @Test
    void emailsPhonesNamesAndTokensAreFound() {
        assertTrue(LogPrivacy.findings("failed for youssef.benali@example.org").get(0).startsWith("email"));
        assertTrue(LogPrivacy.findings("phone 06 12 34 56 78 refused").get(0).startsWith("phone"));
        assertTrue(LogPrivacy.findings("phone +212 661-234567").get(0).startsWith("phone"));
        assertTrue(LogPrivacy.findings("badge of Youssef").contains("name: Youssef"));
        assertTrue(LogPrivacy.findings("token SE2.7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d.V.AbCdEfGhIjKlMnOpQrStUv")
                .get(0).startsWith("badge token"));
        assertTrue(LogPrivacy.findings("link #SV1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefg").get(0)
                .startsWith("survey token"));
        assertTrue(LogPrivacy.findings("access token q8Zr0T2m_x9Lw3Kp7Yb1Nc5Vd4Hf6Jg8Ah0Se2Ui4Ok").get(0)
                .startsWith("token or secret"));
        assertTrue(LogPrivacy.findings("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIi").get(0)
                .startsWith("bearer"));
        String signature = "A".repeat(86);
        assertTrue(LogPrivacy.findings("scan SE3.AbCd_-12.7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d.V." + signature)
                .get(0).startsWith("signed badge code"));
    }

    @Test
    void aRequestIdWhoseLastGroupLooksLikeAPhoneNumberIsNotOne() {
        // A random UUID seen in CI: its last group begins with ten digits shaped like a Moroccan mobile.
        assertEquals(List.of(), LogPrivacy.findings("{\"requestId\":\"4f3d16e2-c72a-48cd-937e-0746637593ec\"}"));
        assertEquals(List.of(), LogPrivacy.findings("id a0612345678"));
        assertTrue(LogPrivacy.findings("call 0612345678.").get(0).startsWith("phone"));
    }
}
