package ma.salonsess.shared.registration;

/** What an exhibitor sells or does. */
public enum Sector {
    LOCAL_PRODUCE, CRAFTS, AGRICULTURE, TEXTILE, FOOD, SERVICES, MARITIME, OTHER
}
