package ma.salonsess.surveys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.survey.SurveyResults;
import ma.salonsess.shared.workshop.ScheduledWorkshop;

/** A fair's survey results as organisers get them, workshop titles in the fair's language. Averages are null where nobody answered. */
final class SurveyResultsView {
    private SurveyResultsView() {
    }

    static ObjectNode of(Fair fair, SurveyResults results, List<ScheduledWorkshop> programme) {
        ObjectNode node = Json.object();
        node.put("fairId", fair.fairId());
        node.put("invited", results.invited());
        node.put("invitationsRefused", results.invitationsFailed());
        node.put("reminded", results.reminded());
        node.put("answered", results.answered());
        number(node, "responseRate", results.responseRate());
        node.set("overall", tally(results.overall()));
        ObjectNode byRole = node.putObject("byRole");
        results.byRole().forEach((role, t) -> byRole.set(role.name(), tally(t)));
        ObjectNode byRegion = node.putObject("byRegion");
        for (Region region : Region.values()) {
            SurveyResults.Tally t = results.byRegion().get(region);
            if (t != null) {
                byRegion.set(region.code(), tally(t));
            }
        }
        ObjectNode bySector = node.putObject("exhibitorsBySector");
        results.bySector().forEach((sector, t) -> bySector.set(sector.name(), tally(t)));
        node.putObject("exhibitorTrade").put("answered", results.exhibitorsAnswered())
                .put("madeSales", results.exhibitorsWithSales()).put("salesAmountMad", results.salesAmountMad())
                .put("buyerContacts", results.buyerContacts());
        var workshops = node.putArray("workshops");
        for (ScheduledWorkshop w : programme) {
            SurveyResults.WorkshopTally t = results.byWorkshop().get(w.workshop().workshopId());
            ObjectNode item = workshops.addObject().put("workshopId", w.workshop().workshopId())
                    .put("title", w.workshop().title().in(fair.defaultLanguage()));
            item.put("seatHoldersAsked", t == null ? 0 : t.seatHoldersAsked());
            item.put("attended", t == null ? 0 : t.attended());
            number(item, "averageUsefulness", t == null ? Double.NaN : t.averageUsefulness());
        }
        node.put("commentCount", results.commentCount());
        var comments = node.putArray("comments");
        results.comments().forEach(c -> comments.addObject().put("role", c.role().name()).put("text", c.text()));
        return node;
    }

    private static ObjectNode tally(SurveyResults.Tally t) {
        ObjectNode node = Json.object();
        node.put("answers", t.answers());
        number(node, "averageSatisfaction", t.averageSatisfaction());
        ObjectNode scores = node.putObject("satisfaction");
        for (int score = 1; score <= 5; score++) {
            scores.put(Integer.toString(score), t.satisfied(score));
        }
        node.put("wouldReturn", t.wouldReturn());
        number(node, "wouldReturnRate", t.wouldReturnRate());
        return node;
    }

    /** Rounded to two places; null when there is nothing to average. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, Math.round(value * 100) / 100.0);
        }
    }
}
