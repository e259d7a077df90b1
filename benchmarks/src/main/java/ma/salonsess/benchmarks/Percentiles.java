package ma.salonsess.benchmarks;

/** Percentiles of sorted timings (nearest rank), and the table row the benchmarks write them in. */
final class Percentiles {
    private Percentiles() {
    }

    /** The nearest-rank {@code p} percentile (0 to 1) of values sorted ascending. */
    static double of(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static double median(double[] sorted) {
        return of(sorted, 0.5);
    }

    /** {@code | label | p50 | p99 | p99.9 |}, in milliseconds with two decimals. */
    static String row(String label, double[] sorted) {
        return String.format("| %s | %.2f | %.2f | %.2f |%n", label, of(sorted, 0.50), of(sorted, 0.99),
                of(sorted, 0.999));
    }
}
