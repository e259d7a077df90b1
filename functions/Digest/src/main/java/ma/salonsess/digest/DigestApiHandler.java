package ma.salonsess.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.ProblemException;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;

/**
 * Organisers' digest on demand ({@code POST /admin/fairs/{fairId}/digest}) and the registrations
 * export ({@code GET /admin/fairs/{fairId}/registrations.csv}).
 */
public final class DigestApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String DIGEST = "POST /admin/fairs/{fairId}/digest";
    static final String CSV = "GET /admin/fairs/{fairId}/registrations.csv";
    /** What a Lambda answer through API Gateway can carry, with room for the base64 encoding. */
    static final int MAX_INLINE_CSV = 4 * 1024 * 1024;
    private final DigestSender sender;
    private final Router router = new Router(Map.of(DIGEST, this::digest, CSV, this::csv));

    public DigestApiHandler() {
        this(Env.system());
    }

    public DigestApiHandler(Env env) {
        this.sender = new DigestSender(env, DigestSender.ses(env), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = router.handle(event, context);
        if (event.getRouteKey().equals(CSV) && response.getStatusCode() == 200) {
            response.setIsBase64Encoded(true); // the body is the CSV's bytes, byte-order mark included
        }
        return response;
    }

    private HttpResponse digest(HttpRequest request) {
        OrganiserAccess.require(request);
        var fair = sender.fairs.find(request.pathParameter("fairId")).orElseThrow(() -> notFound(request));
        var sent = sender.send(fair);
        var body = Json.object().put("registrations", sent.registrations())
                .put("newSinceLastDigest", sent.newSinceLastDigest()).put("csvAttached", sent.csvAttached());
        var to = body.putArray("sentTo");
        sent.to().forEach(to::add);
        return HttpResponse.json(200, body);
    }

    private HttpResponse csv(HttpRequest request) {
        OrganiserAccess.require(request);
        var fair = sender.fairs.find(request.pathParameter("fairId")).orElseThrow(() -> notFound(request));
        byte[] csv = sender.csv(fair.fairId());
        if (csv.length > MAX_INLINE_CSV) {
            return Problem.of(413, "export-too-large", "Export too large to answer directly",
                    "This fair's export is " + (csv.length >> 20) + " MB; the evening digest says how to get it.")
                    .at(request.path()).toResponse();
        }
        return new HttpResponse(200, Map.of("content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"" + fair.fairId() + "-inscriptions.csv\"",
                "cache-control", "no-store"), Base64.getEncoder().encodeToString(csv));
    }

    private static ProblemException notFound(HttpRequest request) {
        return new ProblemException(Problem.of(404, "fair-not-found", "Fair not found", "There is no fair with this id.")
                .at(request.path()));
    }
}
