package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.BadgeRenderer;
import ma.salonsess.badges.render.BadgeSheet;
import ma.salonsess.shared.auth.OrganiserAccess;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.fair.Fair;
import ma.salonsess.shared.files.PrivateFiles;
import ma.salonsess.shared.fair.FairRepository;
import ma.salonsess.shared.http.HttpRequest;
import ma.salonsess.shared.http.HttpResponse;
import ma.salonsess.shared.http.JsonRequestBody;
import ma.salonsess.shared.http.Problem;
import ma.salonsess.shared.http.Router;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.Registration;
import ma.salonsess.shared.registration.RegistrationRepository;
import ma.salonsess.shared.snapstart.Priming;
import ma.salonsess.shared.time.Rfc3339;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code POST /admin/fairs/{fairId}/badge-sheets}: an organiser's print run of badges, four A6
 * per A4 sheet with cut marks, into the badge bucket, answered with a link valid 15 minutes.
 */
public final class BadgeSheetsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final String PRINT = "POST /admin/fairs/{fairId}/badge-sheets";
    private static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

    private final FairRepository fairs;
    private final RegistrationRepository registrations;
    private final Supplier<BadgeToken> tokens;
    private final BadgeSheet sheet;
    /** Where the file goes, and its short-lived link: built once per container. */
    private final PrivateFiles files;
    private final Router router = new Router(Map.of(PRINT, this::print));

    public BadgeSheetsHandler() {
        this(Env.system());
    }

    public BadgeSheetsHandler(Env env) {
        Wiring wiring = new Wiring(env);
        this.files = new PrivateFiles(AwsClients.s3(env), AwsClients.s3Presigner(env), env.require("BADGE_BUCKET"),
                LINK_VALIDITY);
        this.fairs = wiring.fairs();
        this.registrations = wiring.registrations();
        this.tokens = wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new);
        BadgeFonts fonts = new BadgeFonts();
        this.sheet = new BadgeSheet(new BadgeRenderer(fonts), fonts);
        Priming.register("BadgeSheetsFunction", this, BadgesPriming::sheets);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    private HttpResponse print(HttpRequest request) {
        Fair fair = OrganiserAccess.requireFair(request, fairs::find);
        String fairId = fair.fairId();
        var read = request.body().isBlank() ? new SheetFilter.Valid(new SheetFilter(null, null, null))
                : SheetFilter.read(JsonRequestBody.read(request));
        if (read instanceof SheetFilter.Invalid invalid) {
            return Problem.validation(invalid.errors()).at(request.path()).toResponse();
        }
        SheetFilter filter = ((SheetFilter.Valid) read).filter();
        // Only the selected registrations' badge content is held, not whole registrations.
        List<BadgeContent> badges = new ArrayList<>();
        registrations.forEachInFair(fairId, r -> {
            if (filter.accepts(r, fair)) {
                badges.add(content(fair, r));
            }
        });
        Optional<PrintRun> run = PrintRun.of(badges);
        if (run.isEmpty()) {
            return Problem.of(404, "no-badges", "No badges to print", "No registration of this fair matches the filter.")
                    .at(request.path()).toResponse();
        }
        PrivateFiles.Link link = store(run.get(), fairId);
        var body = Json.object()
                .put("url", link.url())
                .put("urlExpiresAt", Rfc3339.format(link.expiresAt()))
                .put("badges", run.get().badges().size())
                .put("pages", run.get().pages());
        return HttpResponse.json(201, body).withHeader("cache-control", "no-store");
    }

    /** Renders the run to /tmp (a large run does not fit in memory), stores it and signs its link. */
    private PrivateFiles.Link store(PrintRun run, String fairId) {
        Path file = null;
        try {
            file = Files.createTempFile("badge-sheet-", ".pdf");
            try (OutputStream out = Files.newOutputStream(file)) {
                sheet.render(run.badges().iterator(), out);
            }
            return files.store(PrivateFiles.newKey("sheets", fairId, "pdf"),
                    "application/pdf", Optional.empty(), RequestBody.fromFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // /tmp is the function's own; the next cold start clears it anyway
                }
            }
        }
    }

    private BadgeContent content(Fair fair, Registration r) {
        return BadgeContent.of(fair, r, tokens.get().issue(fair.fairId(), r.registrationId(), r.role()));
    }
}
