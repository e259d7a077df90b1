package ma.salonsess.shared.workshop;

/** A workshop with where its seats stand. */
public record ScheduledWorkshop(Workshop workshop, Seats seats) {
}
