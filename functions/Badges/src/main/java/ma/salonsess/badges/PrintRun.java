package ma.salonsess.badges;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The badges of one print run, in the order they are printed (by full name, regardless of case,
 * so a stack of cut badges can be handed out alphabetically), four to an A4 sheet.
 */
record PrintRun(List<BadgeContent> badges) {
    static final int PER_SHEET = 4;

    PrintRun {
        badges = List.copyOf(badges);
    }

    /** The run for the selected badges, or none when nothing was selected: there is nothing to print. */
    static Optional<PrintRun> of(List<BadgeContent> selected) {
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PrintRun(selected.stream()
                .sorted(Comparator.comparing(BadgeContent::fullName, String::compareToIgnoreCase)).toList()));
    }

    int pages() {
        return (badges.size() + PER_SHEET - 1) / PER_SHEET;
    }
}
