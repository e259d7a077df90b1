package ma.salonsess.shared.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void keyOrderAndWhiteSpaceDoNotChangeTheCanonicalForm() throws Exception {
        assertEquals(Json.canonical(Json.parse("{\"b\": 1, \"a\": {\"y\": [2, 1], \"x\": null}}")),
                Json.canonical(Json.parse("{\"a\":{\"x\":null,\"y\":[2,1]},\"b\":1}")));
        assertNotEquals(Json.canonical(Json.parse("{\"a\":[1,2]}")), Json.canonical(Json.parse("{\"a\":[2,1]}")),
                "array order is meaningful");
    }

    @Test
    void aDuplicatedKeyIsMalformedRatherThanSilentlyOverwritten() {
        assertThrows(JsonProcessingException.class, () -> Json.parse("{\"email\":\"a@x.org\",\"email\":\"b@x.org\"}"));
    }

    @Test
    void textAfterTheValueIsMalformedRatherThanIgnored() {
        for (String text : new String[] {"{\"a\":1} garbage", "{}{}", "{} []", "{\"a\":1}\n}"}) {
            assertThrows(JsonProcessingException.class, () -> Json.parse(text), text);
        }
        assertDoesNotThrow(() -> Json.parse(" {\"a\": 1} \n"), "white space around the value is fine");
    }
}
