package ma.salonsess.shared.workshop;

import java.time.OffsetDateTime;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.text.LocalizedText;

/**
 * A training workshop beside the stands, with few seats.
 *
 * @param description may be null
 */
public record Workshop(String fairId, String workshopId, LocalizedText title, LocalizedText description, String room,
                       OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, Language language) {

    public Workshop {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A workshop must end after it starts");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("A workshop needs at least one seat");
        }
    }

    /** Whether the two sessions share any moment (one ending as the other starts is no overlap). */
    public boolean overlaps(Workshop other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
