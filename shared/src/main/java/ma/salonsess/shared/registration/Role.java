package ma.salonsess.shared.registration;

/** Why a person comes to the fair; printed on the badge as a coloured band. */
public enum Role {
    VISITOR, EXHIBITOR, PARTICIPANT, SPEAKER, PRESS
}
