package ma.salonsess.shared.registration;

/** The cooperative, association or other body a registrant comes for. */
public record Organisation(String name, OrganisationType type, Region region, Sector sector) {
}
