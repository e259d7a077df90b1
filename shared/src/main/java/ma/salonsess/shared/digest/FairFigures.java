package ma.salonsess.shared.digest;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.salonsess.shared.email.Undeliverable;
import ma.salonsess.shared.registration.OrganisationType;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.workshop.ScheduledWorkshop;

/**
 * Where a fair stands, as the organisers' digest tells it. Counted in one pass over the
 * registrations, page by page, so the size of the fair does not matter to memory.
 */
public final class FairFigures {
    private long total;
    private long newSinceLastDigest;
    private long bounced;
    private long complained;
    private long emailsPending;
    private final Map<Role, Long> byRole = zeros(Role.class);
    private final Map<Region, Long> byRegion = zeros(Region.class);
    private final Map<OrganisationType, Long> exhibitorsByType = zeros(OrganisationType.class);
    private final Map<Sector, Long> exhibitorsBySector = zeros(Sector.class);
    private final Map<LocalDate, Long> byDay = new TreeMap<>();
    private List<ScheduledWorkshop> workshops = List.of();

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            map.put(value, 0L);
        }
        return map;
    }

    /** One registration: its role, its organisation, the day it came, and its email's health. */
    void count(Role role, Region region, OrganisationType type, Sector sector, LocalDate day, boolean isNew,
               String undeliverableReason, boolean emailPending) {
        total++;
        if (isNew) {
            newSinceLastDigest++;
        }
        byRole.merge(role, 1L, Long::sum);
        if (region != null) {
            byRegion.merge(region, 1L, Long::sum);
        }
        if (role == Role.EXHIBITOR) {
            if (type != null) {
                exhibitorsByType.merge(type, 1L, Long::sum);
            }
            if (sector != null) {
                exhibitorsBySector.merge(sector, 1L, Long::sum);
            }
        }
        byDay.merge(day, 1L, Long::sum);
        switch (Undeliverable.of(undeliverableReason).orElse(null)) {
            case BOUNCE -> bounced++;
            case COMPLAINT -> complained++;
            case null -> { }
        }
        if (emailPending) {
            emailsPending++;
        }
    }

    void workshops(List<ScheduledWorkshop> programme) {
        this.workshops = List.copyOf(programme);
    }

    public long total() {
        return total;
    }

    public long newSinceLastDigest() {
        return newSinceLastDigest;
    }

    public long bounced() {
        return bounced;
    }

    public long complained() {
        return complained;
    }

    public long emailsPending() {
        return emailsPending;
    }

    public Map<Role, Long> byRole() {
        return byRole;
    }

    /** All 12 regions, those with nobody included. */
    public Map<Region, Long> byRegion() {
        return byRegion;
    }

    public Map<OrganisationType, Long> exhibitorsByType() {
        return exhibitorsByType;
    }

    public Map<Sector, Long> exhibitorsBySector() {
        return exhibitorsBySector;
    }

    public Map<LocalDate, Long> byDay() {
        return byDay;
    }

    public List<ScheduledWorkshop> workshops() {
        return workshops;
    }
}
