package ma.salonsess.shared.registration;

/** The legal forms of the social and solidarity economy; GIE is a groupement d'intérêt économique. */
public enum OrganisationType {
    COOPERATIVE, ASSOCIATION, UNION, MUTUAL, SOCIAL_ENTERPRISE, GIE, OTHER
}
