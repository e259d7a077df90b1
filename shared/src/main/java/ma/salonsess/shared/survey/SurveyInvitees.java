package ma.salonsess.shared.survey;

import java.util.Collection;
import java.util.List;

/**
 * Who is invited to a fair's survey, and which workshops they are asked about. Every condition
 * must hold (pretix's similar filter joined its conditions with OR, and mailed everyone).
 */
public final class SurveyInvitees {

    /** Why a registrant is or is not invited; the first failing condition, in this order. */
    public enum Verdict { INVITE, ERASED, NO_CONSENT, UNDELIVERABLE, NOT_ADMITTED }

    /**
     * @param erased        the registration was deleted (by its registrant, or at the end of its retention)
     * @param consented     the registrant agreed to be surveyed
     * @param undeliverable the address bounced for good or complained
     * @param admitted      scanned in at the fair's gates at least once
     */
    public record Candidate(boolean erased, boolean consented, boolean undeliverable, boolean admitted) {
    }

    private SurveyInvitees() {
    }

    /** @param admittedOnly the fair's {@code surveyAdmittedOnly} setting */
    public static Verdict decide(boolean admittedOnly, Candidate c) {
        if (c.erased()) {
            return Verdict.ERASED;
        }
        if (!c.consented()) {
            return Verdict.NO_CONSENT;
        }
        if (c.undeliverable()) {
            return Verdict.UNDELIVERABLE;
        }
        if (admittedOnly && !c.admitted()) {
            return Verdict.NOT_ADMITTED;
        }
        return Verdict.INVITE;
    }

    /**
     * The workshops a registrant's survey asks about: those they were counted in at the door. A fair
     * whose doors never scanned anyone has nothing to go by but the seats held, so those are asked
     * about there (as before check-ins).
     *
     * @param fairCheckedIn whether the fair's gates admitted anyone at all
     */
    public static List<String> workshopsAsked(boolean fairCheckedIn, Collection<String> attended,
                                              Collection<String> confirmed) {
        return (fairCheckedIn ? attended : confirmed).stream().distinct().sorted().toList();
    }
}
