package ma.salonsess.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.json.Json;

/**
 * Everything the test JVM prints (the functions' log lines through their Lambda context, and
 * anything written to the console) is kept while a test runs and scanned afterwards for personal
 * data: email addresses, phone numbers, the names the sample events register, and tokens (access,
 * badge and survey tokens, secrets). {@link LocalAwsExtension} fails a test whose run printed one,
 * so every integration test is also a check of the logs (law 09-08: logs are kept 90 days and read
 * by operators, who need ids, not people).
 */
public final class LogPrivacy {
    private static final Map<String, Pattern> SHAPES = Map.of(
            "email address", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
            // Not inside a word: a random id (a UUID's last group, "...-0746637593ec") is not a phone number.
            "phone number", Pattern.compile("(?<![\\w+])(\\+212[\\s.-]?|0)[5-7]([\\s.-]?\\d){8}(?!\\w)"),
            "badge token", Pattern.compile("SE2\\.[0-9a-f-]{36}\\.[A-Z]\\.[A-Za-z0-9_-]{22}"),
            "signed badge code", Pattern.compile("SE3\\.[A-Za-z0-9_-]{8}\\.[0-9a-f-]{36}\\.[A-Z]\\.[A-Za-z0-9_-]{86}"),
            "survey token", Pattern.compile("SV1[A-Za-z0-9_-]{43}"),
            "bearer token", Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._-]{20,}"));
    /** 256 random bits in base64url (access tokens) or a generated secret: letters of both cases and digits. */
    private static final Pattern RANDOM = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43,64}(?![A-Za-z0-9_-])");
    private static final Object LOCK = new Object();
    private static ByteArrayOutputStream captured;
    private static Set<String> names;

    private LogPrivacy() {
    }

    /** From now on, the console is also kept for {@link #takeFindings()}; idempotent. */
    public static void capture() {
        synchronized (LOCK) {
            if (captured != null) {
                return;
            }
            captured = new ByteArrayOutputStream();
            System.setOut(tee(System.out));
            System.setErr(tee(System.err));
        }
    }

    /** What the console received since this test began (for tests that read the functions' lines). */
    public static String printed() {
        synchronized (LOCK) {
            return captured == null ? "" : captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The Embedded Metric Format lines printed since this test began, as JSON: what CloudWatch would
     * turn into metrics.
     */
    public static List<JsonNode> metricLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : printed().split("\n")) {
            int json = line.indexOf('{');
            if (json >= 0 && line.contains("\"_aws\":{")) {
                try {
                    lines.add(Json.parse(line.substring(json)));
                } catch (IOException e) {
                    throw new AssertionError("An EMF line that is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    /** What personal data the console received since the last call, each with its kind; then forgets it. */
    public static List<String> takeFindings() {
        String output;
        synchronized (LOCK) {
            if (captured == null) {
                return List.of();
            }
            output = captured.toString(StandardCharsets.UTF_8);
            captured.reset();
        }
        return findings(output);
    }

    /** The personal data in {@code output}: what a log line must never carry. */
    public static List<String> findings(String output) {
        List<String> found = new ArrayList<>();
        SHAPES.forEach((kind, shape) -> {
            Matcher m = shape.matcher(output);
            while (m.find()) {
                found.add(kind + ": " + m.group());
            }
        });
        Matcher random = RANDOM.matcher(output);
        while (random.find()) {
            String s = random.group();
            if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                    && s.chars().anyMatch(Character::isDigit)) {
                found.add("token or secret: " + s);
            }
        }
        for (String name : names()) {
            if (output.contains(name)) {
                found.add("name: " + name);
            }
        }
        return found;
    }

    /** The names the sample events register (first, last and Arabic names), and the builder's. */
    static Set<String> names() {
        synchronized (LOCK) {
            if (names == null) {
                Set<String> all = new LinkedHashSet<>(List.of("Amina"));
                try (Stream<Path> files = Files.list(RepositoryLayout.root().resolve("events"))) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                        JsonNode body = bodyOf(Files.readString(file));
                        for (String field : List.of("firstName", "lastName", "arabicName")) {
                            if (body.path(field).isTextual() && body.path(field).asText().length() >= 4) {
                                all.add(body.path(field).asText());
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names = Set.copyOf(all);
            }
            return names;
        }
    }

    private static JsonNode bodyOf(String event) {
        try {
            JsonNode body = Json.parse(event).path("body");
            return body.isTextual() ? Json.parse(body.asText()) : Json.object();
        } catch (IOException notJson) {
            return Json.object();
        }
    }

    private static PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (LOCK) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (LOCK) {
                    captured.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
