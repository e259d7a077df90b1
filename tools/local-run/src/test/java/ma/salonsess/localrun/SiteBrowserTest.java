package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public site in headless Chromium against the local backend and site, as {@code ./run-local}
 * serves them: site/test/browser.mjs (playwright-core, axe-core) runs the issue's scenarios and
 * this test fails with its output. Without Chromium it fails, saying how to install it.
 */
class SiteBrowserTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = RepositoryLayout.root();
    private static final String FAIR = LocalRun.DEMO_FAIR;
    private static final String FULL_WORKSHOP = "atelier-complet";
    private static LocalSite local;

    @BeforeAll
    static void start() {
        local = LocalSite.start(ROOT, new LocalBackend.Options(ROOT, ROOT.resolve("template.yaml"), 0,
                EmbeddedAws.Ports.any(), true, ROOT.resolve("target/site-browser-test")), 0);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void theIssuesScenariosPassInARealBrowser() throws Exception {
        String chromium = chromium().orElseGet(() -> fail("Chromium is not installed: the site's browser tests need it. "
                + "Install Debian's package: apt-get update && apt-get install -y chromium (.ci/run does so on CI)."));
        fillAWorkshop();
        String surveyEmail = surveyInvitationOnItsWay();

        Path output = Files.createTempFile("site-browser", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "site/test/browser.mjs").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("SITE_URL", local.site().url().toString());
        env.put("API_URL", local.backend().apiUrl().toString());
        env.put("SES_URL", local.backend().aws().mailViewer().toString().replaceAll("/+$", ""));
        env.put("FAIR_ID", FAIR);
        env.put("FULL_WORKSHOP", FULL_WORKSHOP);
        env.put("SURVEY_EMAIL", surveyEmail);
        env.put("ORGANISER_TOKEN", local.backend().organiserToken());
        env.put("CHROMIUM", chromium);
        Optional.ofNullable(System.getenv("SITE_SCREENSHOTS")).ifPresent(dir -> env.put("SCREENSHOTS", dir));
        Process process = node.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertEquals(0, finished ? process.exitValue() : -1, "site/test/browser.mjs failed:\n" + log);
    }

    /** What CloudFront does for the site, locally: page addresses, assets, headers, config.json, /_local. */
    @Test
    void theSiteIsServedOnItsOwnOriginWithTheSecurityHeaders() throws Exception {
        URI site = local.site().url();
        HttpResponse<String> page = send(HttpRequest.newBuilder(site.resolve(
                "/fairs/" + FAIR + "/registrations/0b8f3c1e-5d2a-4b6f-9c1d-2e3f4a5b6c7d")).GET());
        assertEquals(200, page.statusCode(), "an email's link is a site page");
        assertTrue(page.body().contains("<script type=\"module\" src=\"/js/main.js\"></script>"), page.body());
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), csp);
        assertTrue(csp.contains("connect-src 'self' " + local.backend().apiUrl()), "the API's origin may be called: " + csp);
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElseThrow());
        assertTrue(page.headers().firstValue("strict-transport-security").orElseThrow().startsWith("max-age="));

        HttpResponse<String> script = send(HttpRequest.newBuilder(site.resolve("/js/main.js")).GET());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("content-type").orElseThrow());
        assertEquals("nosniff", script.headers().firstValue("x-content-type-options").orElseThrow());
        HttpResponse<String> font = send(HttpRequest.newBuilder(site.resolve("/fonts/NotoSansArabic_400Regular.ttf")).GET());
        assertEquals(200, font.statusCode(), "the fonts come from node_modules, through the site");
        assertEquals(404, send(HttpRequest.newBuilder(site.resolve("/js/missing.js")).GET()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(site.resolve("/fonts.json")).GET()).statusCode());
        assertEquals(405, send(HttpRequest.newBuilder(site.resolve("/fairs/" + FAIR))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());

        var config = Json.parse(send(HttpRequest.newBuilder(site.resolve("/config.json")).GET()).body());
        assertEquals(local.backend().apiUrl().toString(), config.get("api").asText());
        assertEquals("2026-11", config.get("privacyNoticeVersion").asText(), "the template's PrivacyNoticeVersion");
        var described = Json.parse(send(HttpRequest.newBuilder(api("/_local")).GET()).body());
        assertEquals(site.toString(), described.get("site").asText(), "/_local lists the site");
    }

    private static Optional<String> chromium() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /** A workshop with one seat, taken, so the next person gets a place in line. */
    private static void fillAWorkshop() throws Exception {
        String workshop = "{\"title\": {\"fr\": \"Atelier complet\", \"ar\": \"ورشة مكتملة\", \"en\": \"Full workshop\"}, "
                + "\"room\": \"Salle C\", \"startsAt\": \"2026-12-13T16:00:00+01:00\", \"endsAt\": \"2026-12-13T17:00:00+01:00\", "
                + "\"capacity\": 1, \"language\": \"fr\"}";
        HttpResponse<String> saved = send(HttpRequest.newBuilder(api("/admin/fairs/" + FAIR + "/workshops/" + FULL_WORKSHOP))
                .header("authorization", "Bearer " + local.backend().organiserToken())
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(workshop)));
        assertEquals(201, saved.statusCode(), saved.body());
        var receipt = Json.parse(register(FAIR, "premier-" + System.nanoTime() + "@example.org", "fr").body());
        HttpResponse<String> seat = send(HttpRequest.newBuilder(api("/fairs/" + FAIR + "/workshops/" + FULL_WORKSHOP + "/signups"))
                .header("authorization", "Bearer " + receipt.get("accessToken").asText())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"registrationId\": \"" + receipt.get("registrationId").asText() + "\"}")));
        assertEquals(201, seat.statusCode(), seat.body());
    }

    /** A past fair, a registrant in Arabic who agreed to surveys, and its survey started. */
    private static String surveyInvitationOnItsWay() throws Exception {
        String fairId = "foire-passee-" + System.nanoTime();
        String past = "{\"name\": {\"fr\": \"Foire passée\", \"ar\": \"معرض سابق\"}, \"city\": \"Oujda\", \"venue\": \"Parc\", "
                + "\"startDate\": \"2026-10-01\", \"endDate\": \"2026-10-04\", \"organiserEmails\": [\"organisation@example.org\"]}";
        HttpResponse<String> saved = send(HttpRequest.newBuilder(api("/admin/fairs/" + fairId))
                .header("authorization", "Bearer " + local.backend().adminToken())
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(past)));
        assertEquals(201, saved.statusCode(), saved.body());
        String email = "sondage-" + System.nanoTime() + "@example.org";
        assertEquals(201, register(fairId, email, "ar").statusCode());
        HttpResponse<String> started = send(HttpRequest.newBuilder(api("/admin/fairs/" + fairId + "/surveys"))
                .header("authorization", "Bearer " + local.backend().organiserToken()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, started.statusCode(), started.body());
        return email;
    }

    private static HttpResponse<String> register(String fairId, String email, String language) throws Exception {
        String body = "{\"role\": \"VISITOR\", \"firstName\": \"Salma\", \"lastName\": \"Bennani\", \"email\": \"" + email
                + "\", \"language\": \"" + language + "\", \"consent\": {\"dataProcessing\": true, \"surveys\": true}}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(api("/fairs/" + fairId + "/registrations"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        return created;
    }

    private static URI api(String path) {
        return URI.create(local.backend().apiUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
