package ma.salonsess.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.salonsess.localaws.DemoFair;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.registration.RegistrationHandler;
import ma.salonsess.shared.config.Env;

/**
 * The registration function's cold and warm costs against the local stack.
 *
 * <ul>
 *   <li>Cold: wall time from launching a fresh JVM on the deployable jar to its first answer, for
 *       the handler ({@link ColdStartProbe}) and for the floor ({@link ColdStartFloor}: a bare
 *       DynamoDB client making the same calls). Runs alternate, so both see the same machine.</li>
 *   <li>Warm: per-request latency of the handler in one JVM, and the handler's own share of it:
 *       the request's time minus the time inside its DynamoDB calls ({@link DynamoDbCallTimer}).</li>
 * </ul>
 * Arguments: [coldRuns=15] [warmRequests=5000]; either may be 0 to leave that part out.
 */
public final class RegistrationBenchmark {
    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmRequests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        boolean traced = args.length > 2 && args[2].equals("traced");
        Path root = RepositoryLayout.root();
        Path jar = root.resolve("functions/Registration/target/registration-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build first: " + jar + " is missing (benchmarks/run does it)");
        }
        SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.start(root, EmbeddedAws.Ports.any())) {
            var dynamoDb = aws.endpoints().dynamoDbClient();
            StackResources resources = new StackResources(template, aws.endpoints(), dynamoDb, Map.of());
            resources.create(aws.endpoints().s3Client());
            DemoFair.seed(root, dynamoDb, resources.tableName("FairsTable"));
            Env env = resources.functionEnv(template.function("RegistrationFunction"));

            StringBuilder report = new StringBuilder();
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                    .append(Runtime.version()).append("\n\n");
            if (coldRuns > 0) {
                cold(jar, env, coldRuns, report, traced);
            }
            if (warmRequests > 0) {
                warmAlone(jar, env, warmRequests, report);
                warm(env, warmRequests, report);
            }
            System.out.println(report);
            Path out = root.resolve("target/benchmarks/registration.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
            System.out.println("Written to " + out);
        }
    }

    private static void cold(Path jar, Env env, int runs, StringBuilder report, boolean traced) throws Exception {
        // Only the two probe classes beside the deployable jar: no benchmark interceptor in these JVMs.
        Path probes = Files.createTempDirectory("cold-start-probes");
        for (Class<?> type : List.of(ColdStartProbe.class, ColdStartFloor.class)) {
            String file = type.getName().replace('.', '/') + ".class";
            Path target = probes.resolve(file);
            Files.createDirectories(target.getParent());
            try (var in = type.getClassLoader().getResourceAsStream(file)) {
                Files.write(target, in.readAllBytes());
            }
        }
        String classpath = jar + java.io.File.pathSeparator + probes;
        runChild(classpath, env, ColdStartProbe.class); // first runs warm the OS file cache for both
        runChild(classpath, env, ColdStartFloor.class);
        // Traced: the same jar with the X-Ray SDK's instrumentor for SDK v2 beside it (it registers
        // itself as an SDK interceptor), in a Lambda-like environment with a sampled trace header.
        String xray = System.getProperty("xray.classpath", "");
        if (traced && !xray.contains("aws-xray-recorder-sdk-aws-sdk-v2-instrumentor")) {
            throw new IllegalStateException("Traced runs need -Dxray.classpath (benchmarks/run passes it)");
        }
        Env tracedEnv = env.with(Map.of("LAMBDA_TASK_ROOT", probes.toString(), "AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR",
                "_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"));
        if (traced) {
            runChild(classpath + java.io.File.pathSeparator + xray, tracedEnv, ColdStartProbe.class);
        }
        double[] handler = new double[runs];
        double[] floor = new double[runs];
        double[] floorWithSsm = new double[runs];
        double[] tracedHandler = new double[runs];
        for (int i = 0; i < runs; i++) {
            handler[i] = runChild(classpath, env, ColdStartProbe.class);
            floor[i] = runChild(classpath, env, ColdStartFloor.class);
            floorWithSsm[i] = runChild(classpath, env, ColdStartFloor.class, "ssm");
            if (traced) {
                tracedHandler[i] = runChild(classpath + java.io.File.pathSeparator + xray, tracedEnv,
                        ColdStartProbe.class);
            }
        }
        Arrays.sort(handler);
        Arrays.sort(floor);
        Arrays.sort(floorWithSsm);
        Arrays.sort(tracedHandler);
        double ratio = Percentiles.median(handler) / Percentiles.median(floor);
        report.append("## Cold start: fresh JVM to first answer (").append(runs).append(" runs each)\n\n")
                .append("| | median ms | min ms | max ms |\n|---|---:|---:|---:|\n")
                .append(String.format("| registration handler | %.0f | %.0f | %.0f |%n", Percentiles.median(handler), handler[0], handler[runs - 1]))
                .append(String.format("| floor: bare DynamoDB client, same DynamoDB calls | %.0f | %.0f | %.0f |%n", Percentiles.median(floor), floor[0], floor[runs - 1]))
                .append(String.format("| floor with the SSM read too: bare SSM and DynamoDB clients, all the same calls | %.0f | %.0f | %.0f |%n",
                        Percentiles.median(floorWithSsm), floorWithSsm[0], floorWithSsm[runs - 1]))
                .append(String.format("%nHandler / DynamoDB floor (medians): **%.2fx** (target: at most 1.3x); "
                        + "handler / floor with the same SSM read: %.2fx%n%n", ratio, Percentiles.median(handler) / Percentiles.median(floorWithSsm)));
        if (traced) {
            report.append(String.format("| handler with the X-Ray SDK instrumentor | %.0f | %.0f | %.0f |%n",
                            Percentiles.median(tracedHandler), tracedHandler[0], tracedHandler[runs - 1]))
                    .append(String.format("%nTraced handler / floor (medians): **%.2fx**; traced / untraced handler: "
                            + "%.2fx%n%n", Percentiles.median(tracedHandler) / Percentiles.median(floor), Percentiles.median(tracedHandler) / Percentiles.median(handler)));
        }
    }

    private static double runChild(String classpath, Env env, Class<?> main, String... more) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, main.getName(), DemoFair.ID, "cold-" + UUID.randomUUID() + "@example.org"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env.asMap());
        builder.redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        String answer = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("STATUS ")) {
                    answer = line;
                    break;
                }
                output.add(line);
            }
        }
        long elapsed = System.nanoTime() - start;
        process.waitFor();
        if (!"STATUS 201".equals(answer)) {
            throw new IllegalStateException(main.getSimpleName() + " answered " + answer + ": " + output);
        }
        return elapsed / 1e6;
    }

    /**
     * The warm measure that the target is about: the handler in a JVM of its own with the deployed
     * JVM options (the template's {@code JAVA_TOOL_OPTIONS}; a 1 GB function's heap and the serial
     * collector, which the JVM picks by itself in a container of under 1,792 MB), as on Lambda,
     * timed by {@link WarmProbe}; the emulators' collections and threads stay in this JVM.
     */
    private static void warmAlone(Path jar, Env env, int requests, StringBuilder report) throws Exception {
        Path probes = Files.createTempDirectory("warm-probes");
        // The probe, the call timer and the local Lambda context (its logger prints each line, as
        // Lambda's does), with their anonymous classes: resources of this classpath, folder or jar.
        for (Class<?> type : List.of(WarmProbe.class, WarmProbe.Timings.class, Percentiles.class,
                DynamoDbCallTimer.class, LambdaContext.class)) {
            String prefix = type.getName().replace('.', '/');
            for (int anonymous = 0; anonymous < 10; anonymous++) {
                String file = prefix + (anonymous == 0 ? "" : "$" + anonymous) + ".class";
                try (var in = type.getClassLoader().getResourceAsStream(file)) {
                    if (in != null) {
                        Path target = probes.resolve(file);
                        Files.createDirectories(target.getParent());
                        Files.write(target, in.readAllBytes());
                    }
                }
            }
        }
        // Only the call timer as the SDK's global interceptor: not the capacity meter of this classpath.
        Path interceptors = probes.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(interceptors.getParent());
        Files.writeString(interceptors, DynamoDbCallTimer.class.getName() + "\n");
        int warmup = Math.max(1000, requests / 2);
        String launcher = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(launcher, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xmx700m",
                "-XX:+UseSerialGC",
                "-cp", jar + File.pathSeparator + probes, WarmProbe.class.getName(), DemoFair.ID,
                String.valueOf(warmup), String.valueOf(requests));
        builder.environment().putAll(env.asMap());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        Map<String, String> results = new java.util.LinkedHashMap<>();
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    results.put(parts[1], parts[2]);
                } else if (!line.contains("\"type\":\"invocation\"")) {
                    tail.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || results.size() != 3) {
            throw new IllegalStateException("Warm probe failed: " + tail);
        }
        report.append("## Warm, the handler in a JVM of its own: ").append(requests).append(" registrations after ")
                .append(warmup).append(" warm-up ones (C1 only, -Xmx700m, serial GC, as deployed)\n\n")
                .append("| | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|\n")
                .append(resultRow("whole request (handler + DynamoDB)", results.get("total")))
                .append(resultRow("inside SDK calls (GetItem + TransactWriteItems)", results.get("calls")))
                .append(resultRow("handler's own time (request minus its SDK calls)", results.get("own")))
                .append(String.format("%nHandler overhead at p99: **%s ms** (target: under 1 ms)%n%n",
                        results.get("own").split(" ")[1]));
    }

    private static String resultRow(String name, String percentiles) {
        return "| " + name + " | " + String.join(" | ", percentiles.split(" ")) + " |\n";
    }

    private static void warm(Env env, int requests, StringBuilder report) throws IOException {
        int warmup = Math.max(1000, requests / 2);
        WarmProbe.Timings timings = WarmProbe.measure(new RegistrationHandler(env), DemoFair.ID, warmup, requests);
        double[] total = timings.total();
        double[] dynamo = timings.inCalls();
        double[] own = timings.own();
        report.append("## Warm, the handler in the benchmark's JVM beside the emulators: ").append(requests).append(" registrations after ").append(warmup)
                .append(" warm-up ones, DynamoDB Local in the same JVM\n\n")
                .append("| | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|\n")
                .append(Percentiles.row("whole request (handler + DynamoDB)", total))
                .append(Percentiles.row("inside DynamoDB calls (GetItem + TransactWriteItems)", dynamo))
                .append(Percentiles.row("handler's own time (request minus its DynamoDB calls)", own))
                .append(String.format("%nHandler overhead at p99: **%.2f ms** (target: under 1 ms)%n", Percentiles.of(own, 0.99)));
    }
}
