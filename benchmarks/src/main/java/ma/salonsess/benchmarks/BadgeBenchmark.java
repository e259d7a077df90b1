package ma.salonsess.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import ma.salonsess.badges.BadgeContent;
import ma.salonsess.badges.render.BadgeFonts;
import ma.salonsess.badges.render.BadgeRenderer;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.shared.badge.BadgeToken;
import ma.salonsess.shared.registration.Role;
import ma.salonsess.shared.text.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Badges rendered per second on one thread (benchmarks/run pins the JVM to one core) and their
 * average size, over a mix of names in Latin and Arabic script and of roles. With a second
 * argument, also writes sample badges as PNG into that folder (docs/badges).
 * Arguments: [badges=3000] [samplesFolder].
 */
public final class BadgeBenchmark {
    private BadgeBenchmark() {
    }

    static final BadgeToken TOKENS = new BadgeToken("benchmark-secret-of-at-least-thirty-two-characters");

    static List<BadgeContent> samples() {
        String salon = "Salon National de l'Économie Sociale et Solidaire 2026";
        String salonAr = "المعرض الوطني للاقتصاد الاجتماعي والتضامني 2026";
        return List.of(
                new BadgeContent(salonAr, Language.AR, "Fatima Zahra El Idrissi", "فاطمة الزهراء الإدريسي",
                        Role.EXHIBITOR, "Coopérative Tighanimine", "سوس ماسة", token()),
                new BadgeContent(salon, Language.FR, "Youssef Benali", "يوسف بنعلي", Role.VISITOR, null, null, token()),
                new BadgeContent("National Fair of the Social and Solidarity Economy 2026", Language.EN, "Aïcha Ouhadi",
                        "عائشة أوهادي - تعاونية 2026", Role.SPEAKER, null, null, token()),
                new BadgeContent(salon, Language.FR, "Jean-Baptiste Mukendi", null, Role.PARTICIPANT, null, null, token()),
                new BadgeContent(salon, Language.FR, "Mohammed Amine Abdelkader Ben Abdellah El Alaoui El Ismaili",
                        "محمد أمين عبد القادر بن عبد الله العلوي الإسماعيلي", Role.PRESS, null, null, token()),
                new BadgeContent(salon, Language.FR, "Khadija Ait Baha", "خديجة آيت باها", Role.EXHIBITOR,
                        "Union des Coopératives Féminines de l'Arganier", "Souss-Massa", token()));
    }

    /**
     * One print run of {@code count} badges into a file, as the sheets function makes it; run with
     * a heap cap to show it fits a 1 GB Lambda (benchmarks/run passes -Xmx700m).
     */
    static void sheets(int count) throws Exception {
        BadgeFonts fonts = new BadgeFonts();
        var sheet = new ma.salonsess.badges.render.BadgeSheet(new BadgeRenderer(fonts), fonts);
        List<BadgeContent> samples = samples();
        List<BadgeContent> badges = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            BadgeContent s = samples.get(i % samples.size());
            badges.add(new BadgeContent(s.fairName(), s.language(), s.fullName() + " " + i, s.arabicName(), s.role(),
                    s.organisation(), s.region(), token()));
        }
        Path file = Files.createTempFile("sheets-", ".pdf");
        long start = System.nanoTime();
        try (var out = Files.newOutputStream(file)) {
            sheet.render(badges.iterator(), out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        try (var pdf = Loader.loadPDF(file.toFile())) {
            Path png = RepositoryLayout.root().resolve("target/benchmarks/sheet-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 50), "png", png.toFile());
        }
        String report = String.format("Max heap %d MB, Java %s%n%n| badges | pages | seconds | file | peak heap |%n"
                        + "|---:|---:|---:|---:|---:|%n| %d | %d | %.1f | %.1f MB | %d MB |%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version(), count, (count + 3) / 4, seconds,
                Files.size(file) / 1048576.0, peakHeap >> 20);
        Files.delete(file);
        System.out.println(report);
        Files.writeString(RepositoryLayout.root().resolve("target/benchmarks/sheets.md"), report);
    }

    private static String token() {
        return TOKENS.issue("benchmark-fair", UUID.randomUUID().toString(), Role.VISITOR);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sheets")) {
            sheets(args.length > 1 ? Integer.parseInt(args[1]) : 5000);
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        BadgeRenderer renderer = new BadgeRenderer(new BadgeFonts());
        List<BadgeContent> samples = samples();
        if (args.length > 1) {
            Path folder = RepositoryLayout.root().resolve(args[1]);
            Files.createDirectories(folder);
            String[] names = {"exhibitor-ar", "visitor-fr", "speaker-en-mixed", "participant-fr", "press-long-name",
                    "exhibitor-fr-union"};
            for (int i = 0; i < samples.size(); i++) {
                try (var pdf = Loader.loadPDF(renderer.render(samples.get(i)))) {
                    ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 100), "png",
                            folder.resolve(names[i] + ".png").toFile());
                }
            }
            System.out.println("Samples written to " + folder);
        }
        for (int i = 0; i < Math.max(500, count / 4); i++) {
            renderer.render(samples.get(i % samples.size()));
        }
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            bytes += renderer.render(samples.get(i % samples.size())).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = String.format("Machine: %d core(s) visible to the JVM, Java %s%n%n"
                        + "| badges | seconds | badges per second | average PDF size |%n|---:|---:|---:|---:|%n"
                        + "| %d | %.2f | %.0f | %.1f KB |%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), count, seconds, count / seconds, bytes / (double) count / 1024);
        System.out.println(report);
        Path out = RepositoryLayout.root().resolve("target/benchmarks/badges.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
