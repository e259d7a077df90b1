package ma.salonsess.badges;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.CertificateRenderer;
import ma.salonsess.shared.certificate.CertificateCode;
import ma.salonsess.shared.certificate.CertificateMailing;
import ma.salonsess.shared.config.Env;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.log.Invocation;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Run hourly by a schedule: emails the attendees of every fair that is over their certificates of
 * attendance ({@link CertificateMailing}), stopping a minute before the invocation's timeout; the
 * next run carries on where this one stopped.
 */
public final class CertificateMailHandler implements RequestHandler<Map<String, Object>, String> {
    /** Left for one email in flight (PDFs rendered, SES retries) when the run stops. */
    static final long MARGIN_MILLIS = 60_000;
    private final CertificateMailing mailing;

    public CertificateMailHandler() {
        this(Env.system());
    }

    public CertificateMailHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    /** @param clock tests set it after the fair */
    public CertificateMailHandler(Env env, Clock clock) {
        this(env, clock, new Wiring(env));
    }

    /** With this SES client (tests make it fail). */
    CertificateMailHandler(Env env, Clock clock, SesV2Client ses) {
        this(env, clock, new Wiring(env), ses);
    }

    private CertificateMailHandler(Env env, Clock clock, Wiring wiring) {
        this(env, clock, wiring, wiring.ses());
    }

    private CertificateMailHandler(Env env, Clock clock, Wiring wiring, SesV2Client ses) {
        CertificateMail mail = new CertificateMail(new CertificateRenderer(new BadgeFonts()),
                wiring.mailer(ses), apiUrl(env));
        this.mailing = new CertificateMailing(wiring.fairs(), wiring.workshops(), wiring.registrations(),
                wiring.checkins(), wiring.fromSecret("BADGE_TOKEN_SECRET_ARN", CertificateCode::new), mail, clock,
                Duration.ofDays(env.intValue("RETENTION_DAYS_AFTER_FAIR", 365)));
    }

    /** The API's address: as configured, else through the site's {@code /api/*} (no request host here). */
    static String apiUrl(Env env) {
        return env.optional("PUBLIC_API_URL").filter(url -> !url.isBlank())
                .orElseGet(() -> env.require("PUBLIC_SITE_URL").replaceAll("/+$", "") + "/api");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return Invocation.run(context, "schedule certificate-mail", () -> handle(context));
    }

    private String handle(Context context) {
        var outcome = mailing.run(() -> context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        return (outcome.finished() ? "done" : "continues next run") + ": sent " + outcome.sent() + ", already sent "
                + outcome.alreadySent() + ", skipped " + outcome.skipped() + ", failed " + outcome.failed();
    }
}
