package ma.salonsess.shared.signup;

import java.util.Set;

/**
 * The workshops a registrant holds a seat in. Every change of it checks and bumps {@code version},
 * so two confirmations for the same person cannot both pass the overlap check.
 */
public record Agenda(Set<String> confirmedWorkshopIds, long version) {
    public Agenda {
        confirmedWorkshopIds = Set.copyOf(confirmedWorkshopIds);
    }
}
