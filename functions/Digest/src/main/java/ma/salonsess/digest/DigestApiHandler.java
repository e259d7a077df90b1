package ma.salonsess.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import ma.salonsess.shared.attendance.AttendanceView;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.files.PrivateFiles;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.snapstart.Priming;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Organisers' digest on demand ({@code POST /admin/fairs/{fairId}/digest}) and the registrations
 * export ({@code GET /admin/fairs/{fairId}/registrations.csv}): in the answer while it is small
 * enough for API Gateway, else stored in the bucket (deleted within two hours) behind a 303 to a 15-minute link;
 * and the attendance figures ({@code GET /admin/fairs/{fairId}/attendance}), the digest's own, live.
 */
public final class DigestApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String DIGEST = "POST /admin/fairs/{fairId}/digest";
    static final String CSV = "GET /admin/fairs/{fairId}/registrations.csv";
    static final String ATTENDANCE = "GET /admin/fairs/{fairId}/attendance";
    /** What a Lambda answer through API Gateway can carry (6 MB), with room for the base64 encoding. */
    static final int MAX_INLINE_CSV = 4 * 1024 * 1024;
    private static final Duration LINK_VALIDITY = Duration.ofMinutes(15);
    private final DigestSender sender;
    /** Where the file goes, and its short-lived link: built once per container. */
    private final PrivateFiles files;
    private final int maxInlineCsv;
    private final Router router = new Router(Map.of(DIGEST, this::digest, CSV, this::csv,
            ATTENDANCE, this::attendance));

    public DigestApiHandler() {
        this(Env.system());
    }

    public DigestApiHandler(Env env) {
        this(env, MAX_INLINE_CSV);
    }

    /** @param maxInlineCsv above this many bytes the export goes through the bucket (tests make it small) */
    DigestApiHandler(Env env, int maxInlineCsv) {
        this(env, maxInlineCsv, Clock.systemUTC());
    }

    /** @param clock when the figures are counted (tests set it after a workshop, for its no-shows) */
    DigestApiHandler(Env env, int maxInlineCsv, Clock clock) {
        this.sender = new DigestSender(new Wiring(env), DigestSender.ses(env), clock);
        this.files = new PrivateFiles(AwsClients.s3(env), AwsClients.s3Presigner(env), env.require("EXPORT_BUCKET"),
                LINK_VALIDITY);
        this.maxInlineCsv = maxInlineCsv;
        Priming.register("DigestApiFunction", this, DigestPriming::samples);
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
        var fair = OrganiserAccess.requireFair(request, sender.fairs::find);
        var sent = sender.send(fair);
        var body = Json.object().put("registrations", sent.registrations())
                .put("newSinceLastDigest", sent.newSinceLastDigest()).put("csvAttached", sent.csvAttached());
        var to = body.putArray("sentTo");
        sent.to().forEach(to::add);
        return HttpResponse.json(200, body);
    }

    private HttpResponse attendance(HttpRequest request) {
        var fair = OrganiserAccess.requireFair(request, sender.fairs::find);
        return HttpResponse.json(200, AttendanceView.of(sender.attendance(fair))).withHeader("cache-control", "no-store");
    }

    private HttpResponse csv(HttpRequest request) {
        var fair = OrganiserAccess.requireFair(request, sender.fairs::find);
        byte[] csv = sender.csv(fair.fairId());
        if (csv.length > maxInlineCsv) {
            String url = files.store(
                    PrivateFiles.newKey("exports", fair.fairId(), "csv"), "text/csv; charset=utf-8",
                    Optional.of(fair.fairId() + "-inscriptions.csv"), RequestBody.fromBytes(csv)).url();
            return new HttpResponse(303, Map.of("location", url, "cache-control", "no-store"), "");
        }
        return new HttpResponse(200, Map.of("content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"" + fair.fairId() + "-inscriptions.csv\"",
                "cache-control", "no-store"), Base64.getEncoder().encodeToString(csv));
    }
}
