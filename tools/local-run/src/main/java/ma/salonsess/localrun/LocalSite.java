package ma.salonsess.localrun;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import ma.salonsess.shared.json.Json;

/**
 * The local backend and the public site on its own origin, wired as on AWS: the site's
 * {@code config.json} names the API, and the backend's {@code PublicSiteUrl} is the site, so the
 * emails in the mail viewer link to local pages.
 */
public record LocalSite(LocalBackend backend, SiteServer site) implements AutoCloseable {
    /** The privacy notice version the forms show is the one the API records. */
    private static final String NOTICE_PARAMETER = "PrivacyNoticeVersion";

    /** @param sitePort 0 for a free port */
    public static LocalSite start(Path root, LocalBackend.Options options, int sitePort) {
        LocalBackend[] started = new LocalBackend[1];
        SiteServer site = new SiteServer(root, sitePort, () -> Json.object()
                .put("api", started[0] == null ? "" : started[0].apiUrl().toString())
                .put("privacyNoticeVersion", started[0] == null ? "" : started[0].resources().ref(NOTICE_PARAMETER))
                .put("fairId", options.seedDemoFair() ? LocalRun.DEMO_FAIR : null)
                .put("contact", "privacy@salon-ess.example.org"));
        try {
            started[0] = LocalBackend.start(options, Map.of("PublicSiteUrl", site.url().toString()));
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
        site.start();
        return new LocalSite(started[0], site);
    }

    public URI fairPage(String fairId) {
        return site.url().resolve("/fairs/" + fairId);
    }

    @Override
    public void close() {
        site.close();
        backend.close();
    }
}
