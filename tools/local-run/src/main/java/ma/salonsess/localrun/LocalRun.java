package ma.salonsess.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;

/**
 * {@code ./run-local}: starts the whole backend on this machine and keeps it up until Ctrl-C.
 * Options: {@code --port 3000} (the API), {@code --site-port 3001} (the public site),
 * {@code --ses-port 8005} (SES emulator and its mail viewer),
 * {@code --no-demo} (do not seed the demo fair).
 */
public final class LocalRun {
    static final String DEMO_FAIR = "salon-national-ess-2026";

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        int port = 3000;
        int sesPort = 8005;
        int sitePort = 3001;
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--ses-port" -> sesPort = Integer.parseInt(args[++i]);
                case "--site-port" -> sitePort = Integer.parseInt(args[++i]);
                case "--no-demo" -> demo = false;
                default -> {
                    System.err.println("Unknown option " + args[i]
                            + ". Options: --port N, --site-port N, --ses-port N, --no-demo");
                    System.exit(2);
                }
            }
        }
        Path root = RepositoryLayout.root();
        Path state = root.resolve("target/local-run");
        Files.createDirectories(state);
        long started = System.nanoTime();
        LocalSite local = LocalSite.start(root, new LocalBackend.Options(root, root.resolve("template.yaml"), port,
                EmbeddedAws.Ports.runLocal(sesPort), demo, state), sitePort);
        LocalBackend backend = local.backend();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local backend...");
            local.close();
            stopped.countDown();
        }, "local-run-stop"));
        String organiserToken = backend.organiserToken();
        Path tokenFile = state.resolve("organiser-token.txt");
        Files.writeString(tokenFile, organiserToken + "\n");
        String adminToken = backend.adminToken();
        Path adminTokenFile = state.resolve("admin-token.txt");
        Files.writeString(adminTokenFile, adminToken + "\n");
        Path stewardTokenFile = state.resolve("steward-token.txt");
        Files.writeString(stewardTokenFile, backend.stewardToken() + "\n");
        Path supervisorTokenFile = state.resolve("supervisor-token.txt");
        Files.writeString(supervisorTokenFile, backend.supervisorToken() + "\n");
        var description = backend.describe();
        System.out.printf("%nSalon ESS is running locally (started in %.1f s).%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  Site:         " + local.site().url() + "  (the public web site; emails link to it)");
        System.out.println("  API:          " + backend.apiUrl());
        System.out.println("  Mail viewer:  " + backend.aws().mailViewer() + "  (every email SES was asked to send)");
        System.out.println("  Controls:     " + backend.apiUrl() + "/_local");
        var emulators = description.get("aws");
        System.out.println("  DynamoDB:     " + emulators.get("endpoints").get("dynamodb").asText() + "  (region "
                + emulators.get("region").asText() + ", access key " + emulators.get("accessKeyId").asText()
                + "; endpoints, credentials, tables in " + root.relativize(state.resolve("endpoints.json")) + ")");
        if (demo) {
            System.out.println("  Demo fair:    salon-national-ess-2026, its page " + local.fairPage(DEMO_FAIR));
        }
        System.out.println("  Organiser token (12 h, organisation@example.org, an organiser of the demo fair; also in "
                + root.relativize(tokenFile) + "):");
        System.out.println("    " + organiserToken);
        System.out.println("  Admin token (12 h, creates fairs and names their organisers; also in "
                + root.relativize(adminTokenFile) + "):");
        System.out.println("    " + adminToken);
        System.out.println("  Gate staff tokens of the demo fair (12 h; steward@example.org scans, "
                + "supervisor@example.org also searches): " + root.relativize(stewardTokenFile) + ", "
                + root.relativize(supervisorTokenFile));
        System.out.println("  Routes:");
        description.get("routes").forEach(r -> System.out.println("    " + r.asText()));
        description.get("streamSubscriptions").forEach(s -> System.out.println("  Stream:       " + s.asText()));
        description.get("schedules").forEach(s -> System.out.println("  Schedule:     " + s.asText()));
        description.get("snsSubscriptions").forEach(s -> System.out.println("  SNS:          " + s.asText()));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
