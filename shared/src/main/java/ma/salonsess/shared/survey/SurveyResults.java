package ma.salonsess.shared.survey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.registration.Sector;

/**
 * A fair's survey results, counted in one pass over its surveys: how many were asked and
 * answered, and satisfaction and intent to return overall, by role, by region and (exhibitors) by
 * sector; exhibitors' trade; each workshop's attendance and usefulness; the comments, without names.
 */
public final class SurveyResults {
    /** Comments kept for the results; beyond, they are counted, not listed. */
    public static final int MAX_COMMENTS = 1000;
    private long invited;
    private long invitationsFailed;
    private long reminded;
    private final Tally overall = new Tally();
    private final Map<Role, Tally> byRole = new EnumMap<>(Role.class);
    private final Map<Region, Tally> byRegion = new EnumMap<>(Region.class);
    private final Map<Sector, Tally> bySector = new EnumMap<>(Sector.class);
    private final Map<String, WorkshopTally> byWorkshop = new LinkedHashMap<>();
    private long exhibitorsAnswered;
    private long exhibitorsWithSales;
    private long salesAmountMad;
    private long buyerContacts;
    private long commentCount;
    private final List<Comment> comments = new ArrayList<>();

    /** Satisfaction (1 to 5) and intent to return, over a group of answers. */
    public static final class Tally {
        private long answers;
        private long satisfactionSum;
        private final long[] satisfaction = new long[6];
        private long wouldReturn;

        void add(SurveyAnswers a) {
            answers++;
            satisfactionSum += a.satisfaction();
            satisfaction[a.satisfaction()]++;
            if (a.wouldReturn()) {
                wouldReturn++;
            }
        }

        public long answers() {
            return answers;
        }

        /** Mean satisfaction, or NaN without answers. */
        public double averageSatisfaction() {
            return answers == 0 ? Double.NaN : (double) satisfactionSum / answers;
        }

        /** How many answered each score, 1 to 5. */
        public long satisfied(int score) {
            return satisfaction[score];
        }

        public long wouldReturn() {
            return wouldReturn;
        }

        /** Share who would come back, 0 to 1, or NaN without answers. */
        public double wouldReturnRate() {
            return answers == 0 ? Double.NaN : (double) wouldReturn / answers;
        }
    }

    /** A workshop as its seat holders judged it. */
    public static final class WorkshopTally {
        private long seatHoldersAsked;
        private long attended;
        private long rated;
        private long usefulnessSum;

        public long seatHoldersAsked() {
            return seatHoldersAsked;
        }

        public long attended() {
            return attended;
        }

        public double averageUsefulness() {
            return rated == 0 ? Double.NaN : (double) usefulnessSum / rated;
        }
    }

    /** A comment as organisers read it: what was written, by which kind of registrant. */
    public record Comment(Role role, String text) {
    }

    public void add(Survey survey) {
        if (survey.invitationDelivery() == Survey.Delivery.SENT) {
            invited++;
        } else if (survey.invitationDelivery() == Survey.Delivery.FAILED) {
            invitationsFailed++;
        }
        if (survey.reminderDelivery() == Survey.Delivery.SENT) {
            reminded++;
        }
        for (String workshopId : survey.workshopIds()) {
            byWorkshop.computeIfAbsent(workshopId, id -> new WorkshopTally()).seatHoldersAsked++;
        }
        SurveyAnswers a = survey.answers();
        if (a == null) {
            return;
        }
        overall.add(a);
        byRole.computeIfAbsent(survey.role(), r -> new Tally()).add(a);
        if (survey.region() != null) {
            byRegion.computeIfAbsent(survey.region(), r -> new Tally()).add(a);
        }
        if (survey.role() == Role.EXHIBITOR) {
            exhibitorsAnswered++;
            if (survey.sector() != null) {
                bySector.computeIfAbsent(survey.sector(), s -> new Tally()).add(a);
            }
            if (Boolean.TRUE.equals(a.madeSales())) {
                exhibitorsWithSales++;
            }
            salesAmountMad += a.salesAmountMad() == null ? 0 : a.salesAmountMad();
            buyerContacts += a.buyerContacts() == null ? 0 : a.buyerContacts();
        }
        for (SurveyAnswers.WorkshopRating rating : a.workshops()) {
            WorkshopTally tally = byWorkshop.computeIfAbsent(rating.workshopId(), id -> new WorkshopTally());
            if (rating.attended()) {
                tally.attended++;
                if (rating.usefulness() != null) {
                    tally.rated++;
                    tally.usefulnessSum += rating.usefulness();
                }
            }
        }
        if (a.comments() != null) {
            commentCount++;
            if (comments.size() < MAX_COMMENTS) {
                comments.add(new Comment(survey.role(), a.comments()));
            }
        }
    }

    public long invited() {
        return invited;
    }

    public long invitationsFailed() {
        return invitationsFailed;
    }

    public long reminded() {
        return reminded;
    }

    public long answered() {
        return overall.answers();
    }

    /** Share of those invited who answered, 0 to 1, or NaN before any invitation. */
    public double responseRate() {
        return invited == 0 ? Double.NaN : (double) answered() / invited;
    }

    public Tally overall() {
        return overall;
    }

    public Map<Role, Tally> byRole() {
        return byRole;
    }

    public Map<Region, Tally> byRegion() {
        return byRegion;
    }

    public Map<Sector, Tally> bySector() {
        return bySector;
    }

    public Map<String, WorkshopTally> byWorkshop() {
        return byWorkshop;
    }

    public long exhibitorsAnswered() {
        return exhibitorsAnswered;
    }

    public long exhibitorsWithSales() {
        return exhibitorsWithSales;
    }

    public long salesAmountMad() {
        return salesAmountMad;
    }

    public long buyerContacts() {
        return buyerContacts;
    }

    public long commentCount() {
        return commentCount;
    }

    public List<Comment> comments() {
        return comments;
    }
}
