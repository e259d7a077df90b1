package ma.salonsess.shared.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.survey.SurveyToken;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static List<String> bad(Map<String, String> parameters) {
        return Ids.checkPath(parameters).stream().map(FieldError::field).toList();
    }

    @Test
    void idsOfTheirShapePass() {
        assertEquals(List.of(), bad(Map.of("fairId", "salon-national-ess-2026", "workshopId", "gestion-financiere",
                "registrationId", "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d",
                "token", "SV1q0Xb7PZ2cH9mK4wR8tY1uN6vE3sD5fG7hJ0kL2zA4xC")));
        assertEquals(List.of(), bad(Map.of()));
    }

    @Test
    void eachIdNotOfItsShapeIsNamedInOrder() {
        String huge = "a".repeat(3000);
        assertEquals(List.of("fairId", "registrationId", "workshopId"),
                bad(Map.of("fairId", huge, "workshopId", huge, "registrationId", huge)));
        assertEquals(List.of("fairId"), bad(Map.of("fairId", "a".repeat(65))));
        assertEquals(List.of("fairId"), bad(Map.of("fairId", "Salon-2026")));
        assertEquals(List.of("workshopId"), bad(Map.of("workshopId", "-atelier")));
        assertEquals(List.of("registrationId"), bad(Map.of("registrationId", "7D3B2C1A-0F4E-4D6B-9A8C-2E1F0A9B8C7D")));
        assertEquals(List.of("registrationId"), bad(Map.of("registrationId", "7d3b2c1a-0f4e-4d6b-9a8c-2e1f0a9b8c7d0")));
        assertEquals(List.of("other"), bad(Map.of("other", "x".repeat(129))));
    }

    @Test
    void aSurveyTokenIsLeftToSurveyTokenWhichAnswersEveryBadOneLikeAnUnknownOne() {
        assertEquals(List.of(), bad(Map.of("token", "a".repeat(3000))));
        assertEquals(Optional.empty(), SurveyToken.keyOf("a".repeat(3000)));
    }
}
