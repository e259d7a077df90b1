package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.config.Wiring;
import ma.salonsess.shared.json.Json;
import ma.salonsess.shared.registration.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff scanner page in headless Chromium against the local backend and site:
 * site/test/scanner.mjs checks its modules, then scans real badges of the demo fair (their codes
 * signed as the badge function prints them) typed by a simulated hand scanner and shown, as a QR
 * code, to a fake camera (a .y4m file made here with ZXing), offline and back online.
 */
class ScannerBrowserTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path ROOT = RepositoryLayout.root();
    private static final String FAIR = LocalRun.DEMO_FAIR;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static LocalSite local;

    @BeforeAll
    static void start() {
        local = LocalSite.start(ROOT, new LocalBackend.Options(ROOT, ROOT.resolve("template.yaml"), 0,
                EmbeddedAws.Ports.any(), true, ROOT.resolve("target/scanner-browser-test")), 0);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void stewardsScanBadgesByHandScannerAndCameraOnlineAndOffline() throws Exception {
        String chromium = chromium().orElseGet(() -> fail("Chromium is not installed: the site's browser tests "
                + "need it. Install Debian's package: apt-get update && apt-get install -y chromium."));
        BadgeToken badges = new Wiring(local.backend().resources()
                .functionEnv(SamTemplate.load(ROOT.resolve("template.yaml")).function("BadgesFunction")))
                .fromSecret("BADGE_TOKEN_SECRET_ARN", BadgeToken::new).get();
        String lastName = "Ouhaddou" + System.nanoTime();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(badges.issue(FAIR, register("Salma", "Bennani", "badge-" + i + "-" + System.nanoTime()),
                    Role.VISITOR));
        }
        String cameraCode = badges.issue(FAIR, register("Youssef", "Alaoui", "camera-" + System.nanoTime()),
                Role.VISITOR);
        register("Khadija", lastName, "search-" + System.nanoTime());
        Path camera = Files.createTempFile("badge-camera", ".y4m");
        writeY4m(cameraCode, camera);

        Path output = Files.createTempFile("scanner-browser", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "site/test/scanner.mjs").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = node.environment();
        env.put("SITE_URL", local.site().url().toString());
        env.put("API_URL", local.backend().apiUrl().toString());
        env.put("FAIR_ID", FAIR);
        env.put("STEWARD_TOKEN", local.backend().stewardToken());
        env.put("SUPERVISOR_TOKEN", local.backend().supervisorToken());
        env.put("BADGES", String.join(",", codes));
        env.put("BADGE_CAMERA", cameraCode);
        env.put("CAMERA_FILE", camera.toString());
        env.put("SEARCH_NAME", lastName);
        env.put("CHROMIUM", chromium);
        Optional.ofNullable(System.getenv("SITE_SCREENSHOTS")).ifPresent(dir -> env.put("SCREENSHOTS", dir));
        Process process = node.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        Files.deleteIfExists(camera);
        assertEquals(0, finished ? process.exitValue() : -1, "site/test/scanner.mjs failed:\n" + log);
    }

    /** The QR decoder comes from npm through the site itself (nothing from another host); its manifest does not. */
    @Test
    void theQrDecoderIsServedByTheSite() throws Exception {
        URI site = local.site().url();
        HttpResponse<String> decoder = send(HttpRequest.newBuilder(site.resolve("/vendor/jsQR.js")).GET());
        assertEquals(200, decoder.statusCode());
        assertEquals("text/javascript; charset=utf-8", decoder.headers().firstValue("content-type").orElseThrow());
        assertTrue(decoder.body().contains("jsQR"), "jsQR's bundle");
        assertEquals(404, send(HttpRequest.newBuilder(site.resolve("/vendor.json")).GET()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(site.resolve("/vendor/other.js")).GET()).statusCode());
        HttpResponse<String> page = send(HttpRequest.newBuilder(site.resolve("/fairs/" + FAIR + "/scan")).GET());
        assertEquals(200, page.statusCode(), "the scanner is a page of the site");
    }

    /**
     * One frame of a fake camera filming the badge's QR code, in the YUV4MPEG2 format Chromium's
     * --use-file-for-fake-video-capture reads (4:2:0, looped): black modules on white.
     */
    static void writeY4m(String code, Path file) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 420, 420,
                Map.of(EncodeHintType.MARGIN, 2));
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 235);
        int left = (WIDTH - matrix.getWidth()) / 2;
        int top = (HEIGHT - matrix.getHeight()) / 2;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    luma[(top + y) * WIDTH + left + x] = (byte) 16;
                }
            }
        }
        byte[] chroma = new byte[WIDTH * HEIGHT / 4];
        Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F15:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(luma);
            out.write(chroma);
            out.write(chroma);
        } catch (IOException e) {
            throw new IOException("Could not write the fake camera's file " + file, e);
        }
    }

    private static Optional<String> chromium() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /** A registration of the demo fair; its id. */
    private static String register(String firstName, String lastName, String mailbox) throws Exception {
        String body = "{\"role\": \"VISITOR\", \"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName
                + "\", \"email\": \"" + mailbox + "@example.org\", \"language\": \"fr\", "
                + "\"consent\": {\"dataProcessing\": true}}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(local.backend().apiUrl()
                + "/fairs/" + FAIR + "/registrations")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        return Json.parse(created.body()).get("registrationId").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
