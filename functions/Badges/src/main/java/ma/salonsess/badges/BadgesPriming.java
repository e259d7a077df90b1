package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import ma.salonsess.badges.render.BadgeRenderer;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.snapstart.ApiSample;
import ma.salonsess.shared.snapstart.StreamSample;
import ma.salonsess.shared.text.Language;

/**
 * What SnapStart priming (see {@code Priming}) runs in the badge functions before the snapshot:
 * a registration's stream record, and a badge rendered in Arabic and in French (fonts, shaping,
 * PDF and QR code), which is most of a badge's first-time cost; and a print run's request.
 */
final class BadgesPriming {
    private BadgesPriming() {
    }

    static void badge(BadgeHandler handler, BadgeRenderer renderer) {
        handler.handleRequest(StreamSample.of("INSERT", StreamSample.registrationKeys(), StreamSample.registration(),
                null), null);
        renderer.render(new BadgeContent("المعرض الوطني للاقتصاد الاجتماعي والتضامني", Language.AR,
                "Fatima Zahra El Idrissi", "فاطمة الزهراء الإدريسي", Role.EXHIBITOR, "Coopérative Tighanimine",
                "Souss-Massa", "SE2.priming.E.priming"));
        renderer.render(new BadgeContent("Salon national de l'ESS", Language.FR, "Youssef Benali", null,
                Role.VISITOR, null, null, "SE2.priming.V.priming"));
    }

    static List<APIGatewayV2HTTPEvent> sheets() {
        return List.of(ApiSample.of(BadgeSheetsHandler.PRINT).organiser(false)
                .json("{\"role\": \"EXHIBITOR\", \"region\": \"MA-09\"}").build());
    }

    /** The hourly runs: their input is the schedule's, which they do not read. */
    static List<Map<String, Object>> scheduled() {
        return List.of(Map.of());
    }
}
