package ma.salonsess.shared.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import ma.salonsess.shared.dynamo.TableKeys.RegistrationKey;
import ma.salonsess.shared.dynamo.TableKeys.SignupKey;
import org.junit.jupiter.api.Test;

class TableKeysTest {
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void aRegistrationSortKeyGivesItsId() {
        assertEquals(Optional.of(new RegistrationKey("salon-rabat", ID)), TableKeys.registration("salon-rabat",
                "REG#" + ID));
        assertEquals("REG#" + ID, new RegistrationKey("salon-rabat", ID).sortKey());
    }

    @Test
    void otherItemsOfTheRegistrationsTableAreNoRegistration() {
        assertEquals(Optional.empty(), TableKeys.registration("salon-rabat", "EMAIL#ab12"));
        assertEquals(Optional.empty(), TableKeys.registration("salon-rabat", "REG#"));
        assertEquals(Optional.empty(), TableKeys.registration("salon-rabat", null));
        assertEquals(Optional.empty(), TableKeys.registration(null, "REG#" + ID));
    }

    @Test
    void aSignupKeyGivesFairWorkshopAndRegistration() {
        SignupKey key = new SignupKey("salon-rabat", "atelier-1", ID);
        assertEquals(Optional.of(key), TableKeys.signup("WS#salon-rabat#atelier-1", "S#" + ID));
        assertEquals("WS#salon-rabat#atelier-1", key.partitionKey());
        assertEquals("S#" + ID, key.sortKey());
    }

    @Test
    void otherItemsOfTheSignupsTableAreNoSignup() {
        assertEquals(Optional.empty(), TableKeys.signup("AG#salon-rabat#" + ID, "AGENDA"));
        assertEquals(Optional.empty(), TableKeys.signup("WS#salon-rabat#atelier-1", "AGENDA"));
        assertEquals(Optional.empty(), TableKeys.signup("WS#salon-rabat", "S#" + ID));
        assertEquals(Optional.empty(), TableKeys.signup("WS#salon-rabat#atelier-1#x", "S#" + ID));
        assertEquals(Optional.empty(), TableKeys.signup("WS##atelier-1", "S#" + ID));
        assertEquals(Optional.empty(), TableKeys.signup("WS#salon-rabat#atelier-1", "S#"));
    }
}
