package ma.salonsess.shared.snapstart;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Canned DynamoDB answers for {@link Priming}: the priming fair exists (a month from the snapshot)
 * with one workshop, so that a registration, a programme or a sign-up goes past its first read.
 * Written as the fairs table stores them; should that format change, priming stops earlier on the
 * path, and says so in the function's log, but still writes nothing.
 */
public final class FairAnswers implements Priming.Answers {
    @Override
    public Optional<String> body(String operation, String requestBody) {
        if (operation.equals("GetItem") && requestBody.contains("\"S\":\"FAIR\"")) {
            return Optional.of("{\"Item\":" + fair() + "}");
        }
        if (operation.equals("Query") && requestBody.contains("\"S\":\"WORKSHOP#\"")) {
            return Optional.of("{\"Count\":1,\"ScannedCount\":1,\"Items\":[" + workshop() + "]}");
        }
        if (operation.equals("GetItem") && requestBody.contains("\"S\":\"WORKSHOP#")) {
            return Optional.of("{\"Item\":" + workshop() + "}");
        }
        return Optional.empty();
    }

    private static String fair() {
        LocalDate start = LocalDate.now().plusDays(30);
        return "{\"fairId\":{\"S\":\"" + ApiSample.FAIR + "\"},\"sk\":{\"S\":\"FAIR\"},\"type\":{\"S\":\"FAIR\"},"
                + "\"name\":{\"M\":{\"fr\":{\"S\":\"Salon national de l'ESS\"},\"ar\":{\"S\":\"المعرض الوطني\"}}},"
                + "\"city\":{\"S\":\"Rabat\"},\"venue\":{\"S\":\"OLM Souissi\"},"
                + "\"startDate\":{\"S\":\"" + start + "\"},\"endDate\":{\"S\":\"" + start.plusDays(3) + "\"},"
                + "\"timeZone\":{\"S\":\"Africa/Casablanca\"},"
                + "\"organiserEmails\":{\"L\":[{\"S\":\"priming@example.org\"}]},\"defaultLanguage\":{\"S\":\"fr\"}}";
    }

    private static String workshop() {
        LocalDate day = LocalDate.now().plusDays(30);
        return "{\"fairId\":{\"S\":\"" + ApiSample.FAIR + "\"},\"sk\":{\"S\":\"WORKSHOP#" + ApiSample.WORKSHOP + "\"},"
                + "\"type\":{\"S\":\"WORKSHOP\"},\"workshopId\":{\"S\":\"" + ApiSample.WORKSHOP + "\"},"
                + "\"title\":{\"M\":{\"fr\":{\"S\":\"Stratégie commerciale\"},\"ar\":{\"S\":\"الاستراتيجية\"}}},"
                + "\"room\":{\"S\":\"Salle A\"},\"startsAt\":{\"S\":\"" + day + "T10:00:00+01:00\"},"
                + "\"endsAt\":{\"S\":\"" + day + "T12:00:00+01:00\"},\"capacity\":{\"N\":\"30\"},"
                + "\"seatsTaken\":{\"N\":\"3\"},\"ticketsIssued\":{\"N\":\"0\"},\"language\":{\"S\":\"fr\"}}";
    }
}
