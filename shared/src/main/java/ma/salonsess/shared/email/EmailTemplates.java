package ma.salonsess.shared.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.salonsess.shared.text.Language;

/**
 * Emails from the resource templates: a subject and a plain-text part ({@code kind.lang.txt}, its
 * first line the subject) and an HTML part ({@code kind.lang.html} in {@code layout.html}, right
 * to left in Arabic). Values are HTML-escaped in the HTML part, and no value can bring a line
 * break into the subject.
 */
public final class EmailTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private final String layout = read("layout.html");
    private final Map<String, Map<Language, String[]>> templates = new HashMap<>();

    /** An email ready to send. */
    public record Rendered(String subject, String text, String html) {
    }

    /** Reads every named template in every language now, so a missing one fails at start-up. */
    public EmailTemplates(Collection<String> names) {
        for (String name : names) {
            Map<Language, String[]> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                String text = read(name + "." + language.code() + ".txt");
                int end = text.indexOf('\n');
                byLanguage.put(language, new String[] {text.substring(0, end).strip(), text.substring(end).strip(),
                        read(name + "." + language.code() + ".html")});
            }
            templates.put(name, byLanguage);
        }
    }

    public Rendered render(String name, Language language, Map<String, String> values) {
        Map<Language, String[]> byLanguage = templates.get(name);
        if (byLanguage == null) {
            throw new IllegalArgumentException("No email template " + name);
        }
        String[] template = byLanguage.get(language);
        Map<String, String> oneLine = new HashMap<>();
        values.forEach((k, v) -> oneLine.put(k, v.replaceAll("[\\r\\n\\t\\u0000-\\u001F]+", " ")));
        String subject = fill(template[0], oneLine, false);
        String html = fill(layout, Map.of("lang", language.code(), "dir", language.rightToLeft() ? "rtl" : "ltr",
                        "align", language.rightToLeft() ? "right" : "left", "subject", escape(subject)), false)
                .replace("{{content}}", fill(template[2], values, true));
        return new Rendered(subject, fill(template[1], values, false), html);
    }

    private static String fill(String template, Map<String, String> values, boolean escapeHtml) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("content")) {
                m.appendReplacement(out, "{{content}}");
                continue;
            }
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + name + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escapeHtml ? escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read(String name) {
        try (InputStream in = EmailTemplates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing email template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
