package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import ma.salonsess.shared.survey.SurveyInvitees.Candidate;
import ma.salonsess.shared.survey.SurveyInvitees.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyInviteesTest {

    @ParameterizedTest(name = "admitted only {0}: erased {1}, consented {2}, bounced {3}, admitted {4} -> {5}")
    @CsvSource(textBlock = """
            # admittedOnly, erased, consented, bounced, admitted, verdict
            true,  false, true,  false, true,  INVITE
            true,  false, true,  false, false, NOT_ADMITTED
            true,  false, false, false, true,  NO_CONSENT
            true,  false, true,  true,  true,  UNDELIVERABLE
            true,  true,  true,  false, true,  ERASED
            true,  false, false, true,  false, NO_CONSENT
            true,  false, false, false, false, NO_CONSENT
            true,  false, true,  true,  false, UNDELIVERABLE
            true,  true,  false, true,  false, ERASED
            false, false, true,  false, false, INVITE
            false, false, true,  false, true,  INVITE
            false, false, false, false, true,  NO_CONSENT
            false, false, true,  true,  true,  UNDELIVERABLE
            false, true,  true,  false, true,  ERASED
            """)
    void invitedOnlyWhenEveryConditionHolds(boolean admittedOnly, boolean erased, boolean consented, boolean bounced,
                                            boolean admitted, Verdict verdict) {
        assertEquals(verdict, SurveyInvitees.decide(admittedOnly, new Candidate(erased, consented, bounced, admitted)));
    }

    /** Every combination: an invitation needs all conditions (AND), never any one of them (OR). */
    @Test
    void theConditionsCombineWithAndInEveryCombination() {
        int invited = 0;
        for (int bits = 0; bits < 32; bits++) {
            boolean admittedOnly = (bits & 1) != 0;
            boolean erased = (bits & 2) != 0;
            boolean consented = (bits & 4) != 0;
            boolean bounced = (bits & 8) != 0;
            boolean admitted = (bits & 16) != 0;
            boolean expected = !erased && consented && !bounced && (!admittedOnly || admitted);
            Verdict verdict = SurveyInvitees.decide(admittedOnly, new Candidate(erased, consented, bounced, admitted));
            assertEquals(expected, verdict == Verdict.INVITE, "combination " + bits + ": " + verdict);
            invited += expected ? 1 : 0;
        }
        assertEquals(3, invited, "admitted-only: 1 case of 16; everyone: 2 cases of 16 (admitted or not)");
    }

    @ParameterizedTest(name = "checked in {0}: attended {1}, confirmed {2} -> {3}")
    @CsvSource(textBlock = """
            true,  'b a',  'a c', 'a b'
            true,  '',     'a c', ''
            true,  'a a',  '',    'a'
            false, '',     'c a', 'a c'
            false, '',     '',    ''
            """)
    void workshopsAskedAboutAreThoseAttendedWhereTheFairScanned(boolean checkedIn, String attended, String confirmed,
                                                               String asked) {
        assertEquals(words(asked), SurveyInvitees.workshopsAsked(checkedIn, words(attended), words(confirmed)));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(" +"));
    }
}
