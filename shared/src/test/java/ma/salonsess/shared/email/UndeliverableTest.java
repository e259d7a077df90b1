package ma.salonsess.shared.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndeliverableTest {

    @Test
    void readFromWhatIsStored() {
        assertEquals(Optional.of(Undeliverable.BOUNCE), Undeliverable.of("BOUNCE"));
        assertEquals(Optional.of(Undeliverable.COMPLAINT), Undeliverable.of("COMPLAINT"));
        assertEquals(Optional.empty(), Undeliverable.of(null));
        assertEquals(Optional.empty(), Undeliverable.of("bounce"));
    }
}
