package ma.salonsess.shared.survey;

import java.util.List;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.LocalizedText;

/**
 * The questions after a fair. Exhibitors are asked about trade (sales, buyers); everyone else
 * (visitors, participants, speakers, press) about the visit and the workshops they held a seat in.
 */
public enum Questionnaire {
    EXHIBITOR(List.of(Question.SATISFACTION, Question.MADE_SALES, Question.SALES_AMOUNT, Question.BUYER_CONTACTS,
            Question.WOULD_RETURN, Question.COMMENTS)),
    VISITOR(List.of(Question.SATISFACTION, Question.WORKSHOPS, Question.WOULD_RETURN, Question.COMMENTS));

    private final List<Question> questions;

    Questionnaire(List<Question> questions) {
        this.questions = questions;
    }

    public static Questionnaire forRole(Role role) {
        return role == Role.EXHIBITOR ? EXHIBITOR : VISITOR;
    }

    public List<Question> questions() {
        return questions;
    }

    /** Bounds of the answers, shared by the form and the questionnaire shown. */
    public static final int MAX_COMMENTS = 2000;
    public static final int MAX_SALES_MAD = 100_000_000;
    public static final int MAX_BUYER_CONTACTS = 100_000;

    /** One question: its field in the answer, its kind, whether it must be answered, its wording. */
    public enum Question {
        SATISFACTION("satisfaction", "scale", true, new LocalizedText(
                "Dans l'ensemble, êtes-vous satisfait(e) du salon ? (1 : pas du tout, 5 : tout à fait)",
                "بشكل عام، هل أنتم راضون عن المعرض؟ (1: غير راضٍ إطلاقاً، 5: راضٍ تماماً)",
                "Overall, how satisfied are you with the fair? (1: not at all, 5: completely)")),
        MADE_SALES("madeSales", "boolean", true, new LocalizedText(
                "Avez-vous réalisé des ventes pendant le salon ?",
                "هل حققتم مبيعات خلال المعرض؟",
                "Did you make sales during the fair?")),
        SALES_AMOUNT("salesAmountMad", "integer", false, new LocalizedText(
                "Montant approximatif de vos ventes (en dirhams)",
                "المبلغ التقريبي لمبيعاتكم (بالدرهم)",
                "Approximate amount of your sales (in dirhams)")),
        BUYER_CONTACTS("buyerContacts", "integer", true, new LocalizedText(
                "Combien de contacts avez-vous noués avec des acheteurs (distributeurs, grossistes, commerçants) ?",
                "كم عدد الاتصالات التي أقمتموها مع مشترين (موزعين، تجار جملة، تجار)؟",
                "How many contacts did you make with buyers (distributors, wholesalers, shops)?")),
        WORKSHOPS("workshops", "workshops", false, new LocalizedText(
                "Les ateliers où vous aviez une place : y avez-vous assisté, et vous ont-ils été utiles ? (1 à 5)",
                "الورشات التي حجزتم فيها مقعداً: هل حضرتموها، وهل كانت مفيدة لكم؟ (من 1 إلى 5)",
                "The workshops you had a seat in: did you attend, and were they useful to you? (1 to 5)")),
        WOULD_RETURN("wouldReturn", "boolean", true, new LocalizedText(
                "Reviendriez-vous à une prochaine édition ?",
                "هل ستعودون في دورة مقبلة؟",
                "Would you come to a next edition?")),
        COMMENTS("comments", "text", false, new LocalizedText(
                "Vos remarques et suggestions",
                "ملاحظاتكم واقتراحاتكم",
                "Your remarks and suggestions"));

        private final String field;
        private final String kind;
        private final boolean required;
        private final LocalizedText label;

        Question(String field, String kind, boolean required, LocalizedText label) {
            this.field = field;
            this.kind = kind;
            this.required = required;
            this.label = label;
        }

        public String field() {
            return field;
        }

        public String kind() {
            return kind;
        }

        public boolean required() {
            return required;
        }

        public LocalizedText label() {
            return label;
        }
    }
}
