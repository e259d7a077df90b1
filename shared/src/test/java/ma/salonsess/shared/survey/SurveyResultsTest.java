package ma.salonsess.shared.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;
import ma.salonsess.shared.text.Language;
import org.junit.jupiter.api.Test;

class SurveyResultsTest {
    private static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

    @Test
    void theResponseRateIsAnswersOverInvitationsSent() {
        SurveyResults results = new SurveyResults();
        assertTrue(Double.isNaN(results.responseRate()), "no rate before any invitation");
        results.add(visitor(Survey.SENT, answers(5, true, null, List.of())));
        results.add(visitor(Survey.SENT, null));
        results.add(visitor(Survey.SENT, null));
        results.add(visitor(Survey.FAILED, null));

        assertEquals(3, results.invited());
        assertEquals(1, results.invitationsFailed());
        assertEquals(1, results.answered());
        assertEquals(1.0 / 3, results.responseRate(), 1e-9);
    }

    @Test
    void satisfactionAndReturnAreAveragedOverallAndByRoleRegionAndSector() {
        SurveyResults results = new SurveyResults();
        results.add(visitor(Survey.SENT, answers(2, false, null, List.of())));
        results.add(exhibitor(Region.SOUSS_MASSA, Sector.CRAFTS, exhibitorAnswers(5, true, true, 18_500, 7)));
        results.add(exhibitor(Region.SOUSS_MASSA, Sector.CRAFTS, exhibitorAnswers(4, true, false, null, 0)));

        assertEquals(11.0 / 3, results.overall().averageSatisfaction(), 1e-9);
        assertEquals(4.5, results.byRole().get(Role.EXHIBITOR).averageSatisfaction(), 1e-9);
        assertEquals(2.0, results.byRole().get(Role.VISITOR).averageSatisfaction(), 1e-9);
        assertEquals(2, results.byRegion().get(Region.SOUSS_MASSA).answers());
        assertEquals(1.0, results.bySector().get(Sector.CRAFTS).wouldReturnRate(), 1e-9);
        assertEquals(1, results.overall().satisfied(5));
        assertEquals(2, results.exhibitorsAnswered());
        assertEquals(1, results.exhibitorsWithSales());
        assertEquals(18_500, results.salesAmountMad(), "an unanswered amount adds nothing");
        assertEquals(7, results.buyerContacts());
    }

    @Test
    void workshopsCountSeatHoldersAskedAttendanceAndUsefulnessOfThoseWhoCame() {
        SurveyResults results = new SurveyResults();
        results.add(visitor(List.of("financement"), answers(4, true, null,
                List.of(new SurveyAnswers.WorkshopRating("financement", true, 5)))));
        results.add(visitor(List.of("financement"), answers(3, true, null,
                List.of(new SurveyAnswers.WorkshopRating("financement", false, null)))));
        results.add(visitor(List.of("financement"), null));

        SurveyResults.WorkshopTally financement = results.byWorkshop().get("financement");
        assertEquals(3, financement.seatHoldersAsked());
        assertEquals(1, financement.attended());
        assertEquals(5.0, financement.averageUsefulness(), 1e-9);
    }

    @Test
    void commentsAreKeptWithTheRoleOnlyUpToTheLimitAndAllCounted() {
        SurveyResults results = new SurveyResults();
        for (int i = 0; i < SurveyResults.MAX_COMMENTS + 5; i++) {
            results.add(visitor(Survey.SENT, answers(4, true, "Merci " + i, List.of())));
        }
        assertEquals(SurveyResults.MAX_COMMENTS + 5, results.commentCount());
        assertEquals(SurveyResults.MAX_COMMENTS, results.comments().size());
        assertEquals(new SurveyResults.Comment(Role.VISITOR, "Merci 0"), results.comments().getFirst());
    }

    private static Survey visitor(String invitation, SurveyAnswers answers) {
        return new Survey("k", "salon", "r", Role.VISITOR, Language.FR, null, null, List.of(), invitation, null,
                answers == null ? null : NOW, answers);
    }

    private static Survey visitor(List<String> workshops, SurveyAnswers answers) {
        return new Survey("k", "salon", "r", Role.VISITOR, Language.FR, null, null, workshops, Survey.SENT, null,
                answers == null ? null : NOW, answers);
    }

    private static Survey exhibitor(Region region, Sector sector, SurveyAnswers answers) {
        return new Survey("k", "salon", "r", Role.EXHIBITOR, Language.AR, region, sector, List.of(), Survey.SENT, null,
                NOW, answers);
    }

    private static SurveyAnswers answers(int satisfaction, boolean wouldReturn, String comments,
                                         List<SurveyAnswers.WorkshopRating> workshops) {
        return new SurveyAnswers(Questionnaire.VISITOR, satisfaction, wouldReturn, comments, null, null, null,
                workshops);
    }

    private static SurveyAnswers exhibitorAnswers(int satisfaction, boolean wouldReturn, boolean madeSales,
                                                  Integer amount, Integer contacts) {
        return new SurveyAnswers(Questionnaire.EXHIBITOR, satisfaction, wouldReturn, null, madeSales, amount, contacts,
                List.of());
    }
}
