package ma.salonsess.shared.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import org.junit.jupiter.api.Test;

class FairFiguresTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void everyRegistrationCountsOnceByRoleRegionAndDay() {
        FairFigures figures = new FairFigures();
        figures.count(Role.VISITOR, null, null, null, MONDAY, false, null, false);
        figures.count(Role.EXHIBITOR, Region.SOUSS_MASSA, OrganisationType.COOPERATIVE, Sector.LOCAL_PRODUCE,
                MONDAY, true, null, false);
        figures.count(Role.EXHIBITOR, Region.SOUSS_MASSA, OrganisationType.ASSOCIATION, Sector.CRAFTS,
                MONDAY.plusDays(1), true, null, false);

        assertEquals(3, figures.total());
        assertEquals(2, figures.newSinceLastDigest());
        assertEquals(1L, figures.byRole().get(Role.VISITOR));
        assertEquals(2L, figures.byRole().get(Role.EXHIBITOR));
        assertEquals(0L, figures.byRole().get(Role.PRESS), "every role is listed, with nobody too");
        assertEquals(2L, figures.byRegion().get(Region.SOUSS_MASSA));
        assertEquals(12, figures.byRegion().size(), "all 12 regions are listed");
        assertEquals(Map.of(MONDAY, 2L, MONDAY.plusDays(1), 1L), figures.byDay());
    }

    @Test
    void onlyExhibitorsCountByOrganisationTypeAndSector() {
        FairFigures figures = new FairFigures();
        // A speaker may name an organisation: it is not an exhibitor's stand.
        figures.count(Role.SPEAKER, Region.ORIENTAL, OrganisationType.UNION, Sector.SERVICES, MONDAY, false, null,
                false);
        figures.count(Role.EXHIBITOR, Region.ORIENTAL, OrganisationType.UNION, Sector.SERVICES, MONDAY, false, null,
                false);

        assertEquals(1L, figures.exhibitorsByType().get(OrganisationType.UNION));
        assertEquals(1L, figures.exhibitorsBySector().get(Sector.SERVICES));
        assertEquals(2L, figures.byRegion().get(Region.ORIENTAL));
    }

    @Test
    void emailHealthCountsBouncesComplaintsAndPendingEmails() {
        FairFigures figures = new FairFigures();
        figures.count(Role.VISITOR, null, null, null, MONDAY, false, "BOUNCE", false);
        figures.count(Role.VISITOR, null, null, null, MONDAY, false, "COMPLAINT", true);
        figures.count(Role.VISITOR, null, null, null, MONDAY, false, null, true);

        assertEquals(1, figures.bounced());
        assertEquals(1, figures.complained());
        assertEquals(2, figures.emailsPending());
    }
}
