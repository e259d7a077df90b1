package ma.salonsess.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import ma.salonsess.shared.digest.FairFigures;
import ma.salonsess.shared.registration.Region;

/**
 * The digest's picture: registrations per day (the last 21 days with any), and per region (all
 * 12), as bar charts in one PNG. Drawn with the JDK alone, headless.
 */
final class DigestChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 520;
    private static final Color BAR = new Color(21, 101, 192);

    private DigestChart() {
    }

    static byte[] png(FairFigures figures) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            List<String> days = new ArrayList<>();
            List<Long> perDay = new ArrayList<>();
            List<Map.Entry<LocalDate, Long>> entries = new ArrayList<>(figures.byDay().entrySet());
            for (var e : entries.subList(Math.max(0, entries.size() - 21), entries.size())) {
                days.add(e.getKey().getDayOfMonth() + "/" + e.getKey().getMonthValue());
                perDay.add(e.getValue());
            }
            bars(g, "Inscriptions par jour", days, perDay, 10, 240);
            List<String> regions = new ArrayList<>();
            List<Long> perRegion = new ArrayList<>();
            for (Region region : Region.values()) {
                regions.add(region.code().substring(3));
                perRegion.add(figures.byRegion().get(region));
            }
            bars(g, "Exposants et organisations par région (MA-01 à MA-12)", regions, perRegion, 270, 240);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void bars(Graphics2D g, String title, List<String> labels, List<Long> values, int top, int height) {
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 20, top + 16);
        int left = 50;
        int bottom = top + height - 30;
        int plotHeight = height - 70;
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(left, bottom, WIDTH - 20, bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(Long.toString(max), 10, bottom - plotHeight + 4);
        if (labels.isEmpty()) {
            return;
        }
        int slot = (WIDTH - 20 - left) / labels.size();
        for (int i = 0; i < labels.size(); i++) {
            int barHeight = (int) Math.round(plotHeight * (values.get(i) / (double) max));
            int x = left + i * slot + slot / 6;
            g.setColor(BAR);
            g.fillRect(x, bottom - barHeight, Math.max(2, slot * 2 / 3), barHeight);
            g.setColor(new Color(40, 40, 40));
            g.drawString(labels.get(i), x, bottom + 14);
            if (values.get(i) > 0) {
                g.drawString(Long.toString(values.get(i)), x, bottom - barHeight - 3);
            }
        }
    }
}
