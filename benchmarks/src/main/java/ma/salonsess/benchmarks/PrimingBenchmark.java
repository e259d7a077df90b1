package ma.salonsess.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;

/**
 * SnapStart priming: in fresh JVMs on each function's deployable jar ({@link PrimingProbe}), the
 * first request after priming, the first request without it, and the warm median in the same JVM,
 * for a registration and a programme read, against the local stack. Runs alternate.
 * Arguments: [runs=7] [warmRequests=300].
 */
public final class PrimingBenchmark {
    private PrimingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path root = RepositoryLayout.root();
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        Path probes = Files.createTempDirectory("priming-probes");
        String file = PrimingProbe.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(probes.resolve(file).getParent());
        try (var in = PrimingProbe.class.getClassLoader().getResourceAsStream(file)) {
            Files.write(probes.resolve(file), in.readAllBytes());
        }
        StringBuilder report = new StringBuilder("Machine: " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version() + "; " + runs + " fresh JVMs each way, " + warm
                + " warm requests after the first\n\n"
                + "| function, request | first, primed ms | first, not primed ms | warm p50 ms | primed / warm p50 "
                + "| priming ms |\n|---|---:|---:|---:|---:|---:|\n");
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            var dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            DemoFair.seed(root, dynamoDb, resources.tableName("FairsTable"));
            for (String[] probe : List.of(
                    new String[] {"registration", "RegistrationFunction",
                        "functions/Registration/target/registration-lambda.jar",
                        "RegistrationFunction, POST /fairs/{fairId}/registrations"},
                    new String[] {"programme", "WorkshopsFunction", "functions/Workshops/target/workshops-lambda.jar",
                        "WorkshopsFunction, GET /fairs/{fairId}/workshops"})) {
                String classpath = root.resolve(probe[2]) + File.pathSeparator + probes;
                Map<String, String> env = resources.functionEnv(template.function(probe[1])).asMap();
                run(classpath, env, probe[0], "primed", warm); // warms the OS file cache
                double[] primed = new double[runs];
                double[] unprimed = new double[runs];
                double[] warmP50 = new double[runs];
                double[] priming = new double[runs];
                for (int i = 0; i < runs; i++) {
                    Map<String, Double> p = run(classpath, env, probe[0], "primed", warm);
                    primed[i] = p.get("FIRST");
                    warmP50[i] = p.get("WARM_P50");
                    priming[i] = p.get("PRIMING");
                    unprimed[i] = run(classpath, env, probe[0], "unprimed", 1).get("FIRST");
                }
                double ratio = median(primed) / median(warmP50);
                report.append(String.format("| %s | %.1f | %.1f | %.2f | **%.1fx** | %.0f |%n", probe[3],
                        median(primed), median(unprimed), median(warmP50), ratio, median(priming)));
            }
        }
        report.append("\nMedians over the runs. Target: the first request after priming within 3x the warm p50.\n");
        System.out.println(report);
        Path out = root.resolve("target/benchmarks/priming.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("Written to " + out);
    }

    private static Map<String, Double> run(String classpath, Map<String, String> env, String which, String mode,
                                           int warm) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        // -Dpriming.jvm=-verbose:class shows what a first request still loads (output in target/benchmarks/).
        String extra = System.getProperty("priming.jvm");
        if (extra != null) {
            command.add(extra);
        }
        command.addAll(List.of("-cp", classpath, PrimingProbe.class.getName(), which, mode, DemoFair.ID,
                Integer.toString(warm)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        Map<String, Double> values = new HashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].matches("[A-Z_0-9]+")) {
                    values.put(parts[0], Double.parseDouble(parts[1]));
                } else {
                    output.add(line);
                }
            }
        }
        if (extra != null) {
            Files.write(RepositoryLayout.root().resolve("target/benchmarks/priming-" + which + "-" + mode + ".log"),
                    output);
        }
        if (process.waitFor() != 0 || !values.containsKey("FIRST")) {
            throw new IllegalStateException(which + " " + mode + " failed: " + output);
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
