package ma.salonsess.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;

class PrintRunTest {

    private static BadgeContent badge(String fullName) {
        return new BadgeContent("Salon", Language.FR, fullName, null, Role.VISITOR, null, null, "token");
    }

    @Test
    void nothingSelectedIsNoRun() {
        assertTrue(PrintRun.of(List.of()).isEmpty());
    }

    @Test
    void printedByNameRegardlessOfCase() {
        var run = PrintRun.of(List.of(badge("youssef Idrissi"), badge("Amina Alaoui"),
                badge("hind Bennani"))).orElseThrow();
        assertEquals(List.of("Amina Alaoui", "hind Bennani", "youssef Idrissi"),
                run.badges().stream().map(BadgeContent::fullName).toList());
    }

    @Test
    void fourBadgesToASheet() {
        assertEquals(1, pages(1));
        assertEquals(1, pages(4));
        assertEquals(2, pages(5));
        assertEquals(3, pages(12));
    }

    private static int pages(int badges) {
        return PrintRun.of(IntStream.range(0, badges).mapToObj(i -> badge("N" + i)).toList()).orElseThrow().pages();
    }
}
