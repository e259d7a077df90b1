package ma.salonsess.digest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ma.salonsess.shared.attendance.Attendance;
import ma.salonsess.shared.digest.FairFigures;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.registration.Region;
import ma.salonsess.shared.survey.SurveyResults;
import ma.salonsess.shared.text.Language;
import ma.salonsess.shared.workshop.ScheduledWorkshop;

/**
 * The digest email's text and HTML, in the fair's language: French, or Arabic where the fair is
 * configured so (right to left). Every value is HTML-escaped.
 */
final class DigestReport {
    private final Fair fair;
    private final FairFigures f;
    private final boolean ar;
    private final SurveyResults surveys;
    private final Attendance attendance;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    /**
     * @param surveys    the fair's survey results; shown once invitations have gone out
     * @param attendance what the gates and doors recorded; shown once anyone was scanned or tallied
     */
    DigestReport(Fair fair, FairFigures figures, SurveyResults surveys, Attendance attendance) {
        this.fair = fair;
        this.attendance = attendance;
        this.f = figures;
        this.surveys = surveys;
        this.ar = fair.defaultLanguage() == Language.AR;
    }

    String subject() {
        return (ar ? "ملخص اليوم: " : "Point du jour : ") + fair.name().in(fair.defaultLanguage()).replaceAll("[\\r\\n]", " ");
    }

    /** @param csvAttached false when the export was too large to attach */
    String[] render(boolean csvAttached) {
        html.append("<!DOCTYPE html><html lang=\"").append(ar ? "ar" : "fr").append("\" dir=\"").append(ar ? "rtl" : "ltr")
                .append("\"><body style=\"font-family: Arial, sans-serif; text-align: ").append(ar ? "right" : "left")
                .append(";\">");
        heading(fair.name().in(fair.defaultLanguage()));
        heading(ar ? "التسجيلات" : "Inscriptions");
        line(ar ? "المجموع" : "Total", f.total());
        line(ar ? "جديدة منذ الملخص السابق" : "Nouvelles depuis le dernier point", f.newSinceLastDigest());
        table(ar ? "حسب الصفة" : "Par rôle", f.byRole());
        Map<String, Long> regions = new LinkedHashMap<>();
        for (Region region : Region.values()) {
            regions.put(region.code() + " " + region.displayName().in(fair.defaultLanguage()), f.byRegion().get(region));
        }
        table(ar ? "حسب الجهة" : "Par région", regions);
        table(ar ? "العارضون حسب نوع الهيئة" : "Exposants par type d'organisation", f.exhibitorsByType());
        table(ar ? "العارضون حسب القطاع" : "Exposants par secteur", f.exhibitorsBySector());
        html.append("<p><img src=\"cid:chart\" alt=\"\" width=\"760\"></p>");
        heading(ar ? "الورشات" : "Ateliers");
        for (ScheduledWorkshop w : f.workshops()) {
            var seats = w.seats();
            long fill = Math.round(100.0 * seats.seatsTaken() / seats.capacity());
            String row = w.workshop().title().in(fair.defaultLanguage()) + " : " + seats.seatsTaken() + "/" + seats.capacity()
                    + " (" + fill + " %)" + (ar ? "، في الانتظار " : ", en attente ") + seats.waitlistLength()
                    + (seats.full() ? (ar ? " — مكتملة" : " — complet") : "");
            text.append("  ").append(row).append('\n');
            html.append("<p>").append(escape(row)).append("</p>");
        }
        if (attendance.entries() > 0 || attendance.occupancy().entries() > 0
                || attendance.workshops().stream().anyMatch(w -> w.attended() > 0)) {
            attendanceSection();
        }
        heading(ar ? "الرسائل" : "Courriels");
        line(ar ? "عناوين مرتدة" : "Adresses en échec (bounce)", f.bounced());
        line(ar ? "شكاوى" : "Plaintes", f.complained());
        line(ar ? "رسائل في الانتظار" : "Courriels en attente d'envoi", f.emailsPending());
        if (surveys.invited() > 0) {
            surveySection();
        }
        String csv = csvAttached ? (ar ? "ملف التسجيلات (CSV) مرفق." : "Les inscriptions sont jointes (CSV).")
                : (ar ? "الملف كبير جدا للإرفاق: حمّلوه من /admin/fairs/" : "Export trop volumineux pour être joint : téléchargez-le depuis /admin/fairs/")
                        + fair.fairId() + "/registrations.csv";
        text.append('\n').append(csv).append('\n');
        html.append("<p>").append(escape(csv)).append("</p></body></html>");
        return new String[] {text.toString(), html.toString()};
    }

    private void attendanceSection() {
        Attendance a = attendance;
        heading(ar ? "الحضور" : "Fréquentation");
        line(ar ? "زوار مسجلون حضروا" : "Inscrits venus (visiteurs uniques)", a.uniqueVisitors());
        line(ar ? "الدخول المسجل" : "Entrées d'inscrits", a.entries());
        Map<String, Long> days = new LinkedHashMap<>();
        a.days().forEach(d -> days.put(d.day().toString(), d.entries()));
        table(ar ? "الدخول حسب اليوم" : "Entrées par jour", days);
        Map<String, Long> hours = new LinkedHashMap<>();
        a.hours().forEach(h -> hours.put(h.day() + " " + (h.hour() < 10 ? "0" : "") + h.hour() + "h " + h.point(),
                h.entries()));
        table(ar ? "الدخول حسب الساعة والبوابة" : "Entrées par heure et par porte", hours);
        Attendance.Occupancy o = a.occupancy();
        if (o.entries() > 0) {
            String inside = o.inside() + (o.capacity() == null ? "" : " / " + o.capacity() + " ("
                    + Math.round(100.0 * o.inside() / o.capacity()) + " %)")
                    + (o.overCapacity() ? (ar ? " — تجاوز الطاقة الاستيعابية" : " — au-delà de la capacité") : "");
            value(ar ? "داخل القاعة الآن (عدّ مجهول)" : "Présents dans la salle (comptage anonyme)", inside);
            line(ar ? "دخول مجهول" : "Entrées comptées", o.entries());
            line(ar ? "خروج مجهول" : "Sorties comptées", o.exits());
        }
        for (Attendance.WorkshopAttendance w : a.workshops()) {
            String row = w.workshop().title().in(fair.defaultLanguage()) + " : "
                    + (ar ? "حضروا " : "présents ") + w.attended() + "/" + w.seatsTaken()
                    + (ar ? " مقعدا محجوزا" : " places prises")
                    + (w.walkIns() > 0 ? (ar ? "، منهم بدون حجز " : ", dont sans inscription ") + w.walkIns() : "")
                    + (w.over() ? (ar ? "، غائبون " : ", absents ") + w.noShows() : "");
            text.append("  ").append(row).append('\n');
            html.append("<p>").append(escape(row)).append("</p>");
        }
    }

    private void surveySection() {
        SurveyResults s = surveys;
        heading(ar ? "استبيان ما بعد المعرض" : "Enquête après le salon");
        line(ar ? "المدعوون" : "Invités", s.invited());
        line(ar ? "الأجوبة" : "Réponses", s.answered());
        value(ar ? "نسبة الإجابة" : "Taux de réponse", percent(s.responseRate()));
        value(ar ? "الرضا (من 5)" : "Satisfaction moyenne (sur 5)", average(s.overall().averageSatisfaction()));
        value(ar ? "سيعودون" : "Reviendraient", percent(s.overall().wouldReturnRate()));
        s.byRole().forEach((role, t) -> value((ar ? "الرضا، " : "Satisfaction, ") + role.name(),
                average(t.averageSatisfaction()) + " (" + t.answers() + ")"));
        line(ar ? "عارضون حققوا مبيعات" : "Exposants ayant vendu", s.exhibitorsWithSales());
        line(ar ? "المبيعات المصرح بها (درهم)" : "Ventes déclarées (MAD)", s.salesAmountMad());
        line(ar ? "اتصالات مع المشترين" : "Contacts avec des acheteurs", s.buyerContacts());
        line(ar ? "تعليقات" : "Commentaires", s.commentCount());
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : Math.round(rate * 100) + " %";
    }

    private static String average(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private void value(String label, String value) {
        text.append("  ").append(label).append(" : ").append(value).append('\n');
        html.append("<p>").append(escape(label)).append(" : <strong>").append(escape(value)).append("</strong></p>");
    }

    private void heading(String title) {
        text.append('\n').append(title).append('\n');
        html.append("<h2>").append(escape(title)).append("</h2>");
    }

    private void line(String label, long value) {
        text.append("  ").append(label).append(" : ").append(value).append('\n');
        html.append("<p>").append(escape(label)).append(" : <strong>").append(value).append("</strong></p>");
    }

    private void table(String title, Map<?, Long> counts) {
        text.append('\n').append(title).append('\n');
        html.append("<h3>").append(escape(title)).append("</h3><table>");
        counts.forEach((key, value) -> {
            text.append("  ").append(key).append(" : ").append(value).append('\n');
            html.append("<tr><td>").append(escape(String.valueOf(key))).append("</td><td>").append(value).append("</td></tr>");
        });
        html.append("</table>");
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
