package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.CertificateRenderer;
import ma.salonsess.shared.auth.RegistrantAccess;
import ma.salonsess.shared.certificate.CertificateCode;
import ma.salonsess.shared.certificate.Certificates;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.Problems;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.text.LocalizedTextJson;
import ma.salonsess.shared.time.Rfc3339;

/**
 * Certificates of attendance: the registrant's PDF of a workshop they were counted in at
 * ({@code GET /fairs/{fairId}/registrations/{registrationId}/certificates/{workshopId}}, with their
 * access token), and the public check of a certificate's code ({@code GET /certificates/{certificateId}}),
 * which says whether it is genuine and of which workshop, and nothing of its holder.
 */
public final class CertificatesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String DOWNLOAD = "GET /fairs/{fairId}/registrations/{registrationId}/certificates/{workshopId}";
    static final String VERIFY = "GET /certificates/{certificateId}";
    private final Certificates certificates;
    private final CertificateRenderer renderer = new CertificateRenderer(new BadgeFonts());
    private final String apiUrl;
    private final Clock clock;
    private final Router router = new Router(Map.of(DOWNLOAD, this::download, VERIFY, this::verify));

    public CertificatesHandler() {
        this(Env.system());
    }

    public CertificatesHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** @param clock when a download is asked for: tests set it after the workshop */
    public CertificatesHandler(Env env, Clock clock) {
        Wiring wiring = new Wiring(env);
        this.certificates = new Certificates(wiring.fairs(), wiring.workshops(), wiring.registrations(),
                wiring.checkins(), wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", CertificateCode::new));
        this.apiUrl = env.optional("PUBLIC_API_URL").orElse("").replaceAll("/+$", "");
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = router.handle(event, context);
        if (event.getRouteKey().equals(DOWNLOAD) && response.getStatusCode() == 200) {
            response.setIsBase64Encoded(true); // the body is the PDF's bytes
        }
        return response;
    }

    private HttpResponse download(HttpRequest request) {
        var token = RegistrantAccess.requireToken(request);
        return switch (certificates.forAttendee(request.pathParameter("fairId"),
                request.pathParameter("registrationId"), request.pathParameter("workshopId"), token,
                clock.instant())) {
            case Certificates.Ready ready -> {
                byte[] pdf = renderer.render(ready.certificate(), apiUrl(request) + "/certificates/"
                        + ready.certificate().code());
                yield new HttpResponse(200, Map.of("content-type", "application/pdf",
                        "content-disposition", "attachment; filename=\"certificate-"
                                + ready.certificate().workshop().workshopId() + ".pdf\"",
                        "cache-control", "no-store"), Base64.getEncoder().encodeToString(pdf));
            }
            case Certificates.NotFound notFound -> Problems.registrationNotFound(request).toResponse();
            case Certificates.NotAttended notAttended -> Problem.of(404, "not-attended", "No attendance recorded",
                    "You were not counted in at this workshop's door, so there is no certificate of it.")
                    .at(request.path()).toResponse();
            case Certificates.NotOver notOver -> Problem.of(409, "workshop-not-over", "Workshop not over yet",
                    "The certificate can be downloaded once the workshop has ended, at "
                            + Rfc3339.format(notOver.endsAt()) + ".").at(request.path()).toResponse();
        };
    }

    /** The API's address: as configured, else the host API Gateway routed this request on. */
    private String apiUrl(HttpRequest request) {
        return !apiUrl.isEmpty() ? apiUrl : "https://" + request.header("host").orElse("localhost");
    }

    private HttpResponse verify(HttpRequest request) {
        var body = Json.object();
        switch (certificates.verify(request.pathParameter("certificateId"))) {
            case Certificates.Genuine genuine -> {
                body.put("genuine", true);
                body.set("fair", LocalizedTextJson.of(genuine.fair().name()));
                body.set("workshop", LocalizedTextJson.of(genuine.workshop().title()));
                body.put("startsAt", Rfc3339.format(genuine.workshop().startsAt()));
                body.put("endsAt", Rfc3339.format(genuine.workshop().endsAt()));
            }
            case Certificates.NotGenuine notGenuine -> body.put("genuine", false);
        }
        return HttpResponse.json(200, body).withHeader("cache-control", "no-store");
    }
}
