package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswerFormTest {
    private static SurveyAnswerForm.Result answer(String comments) {
        var body = Json.object().put("satisfaction", 4).put("wouldReturn", true).put("comments", comments);
        return SurveyAnswerForm.read(body, Questionnaire.VISITOR, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Très bien \u202Eelbirret", "Bien\u200B", "Bien\u2028Merci", "Bien \uD800", "\uFEFFBien",
            "Bien\u0000"})
    void commentsRefuseInvisibleBidiAndBrokenCharacters(String comments) {
        var invalid = assertInstanceOf(SurveyAnswerForm.Invalid.class, answer(comments));
        assertEquals("comments", invalid.errors().getFirst().field());
        assertEquals("invalid_characters", invalid.errors().getFirst().code());
    }

    @Test
    void commentsKeepLineBreaksTabsAndArabicJoiners() {
        String comments = "Très bon salon.\r\n\tMerci !\nمی\u200Cخواهم";
        var valid = assertInstanceOf(SurveyAnswerForm.Valid.class, answer(comments));
        assertEquals(comments, valid.answers().comments());
    }
}
