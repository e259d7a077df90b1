package ma.salonsess.shared.survey;

/** A pass of the dispatch over a fair: the invitations after its end, then one reminder. */
public enum SurveyRound {
    INVITATIONS, REMINDERS
}
