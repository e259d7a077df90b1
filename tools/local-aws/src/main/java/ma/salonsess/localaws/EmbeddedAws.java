package ma.salonsess.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, S3Proxy and Scheduler, SSM and Secrets Manager emulators in this JVM, and the npm SES emulator as a child process, each on a
 * loopback port. Nothing leaves the machine and nothing outlives {@link #close()}.
 */
public final class EmbeddedAws implements AwsStack {
    private static final String ACCESS_KEY = "local";
    private static final String SECRET_KEY = "local-secret";
    private static final String REGION = "eu-west-3";

    private final DynamoDBProxyServer dynamoDb;
    private final S3Proxy s3;
    private final Process ses;
    private final SchedulerEmulator scheduler;
    private final SsmEmulator ssm;
    private final SecretsManagerEmulator secrets;
    private final AwsEndpoints endpoints;
    private final Mailbox mailbox;
    private final Thread shutdownHook;

    /** Ports to listen on; 0 picks a free one. */
    public record Ports(int dynamoDb, int s3, int ses, int scheduler, int ssm, int secretsManager) {
        public Ports(int dynamoDb, int s3, int ses) {
            this(dynamoDb, s3, ses, 0, 0, 0);
        }

        public static Ports any() {
            return new Ports(0, 0, 0);
        }

        /**
         * The fixed ports of {@code ./run-local}, which the {@code sam local invoke} variables in
         * {@code events/env-vars.json} point at.
         */
        public static Ports runLocal(int ses) {
            return new Ports(8000, 8001, ses, 8004, 8002, 8003);
        }
    }

    private EmbeddedAws(DynamoDBProxyServer dynamoDb, S3Proxy s3, Process ses, SchedulerEmulator scheduler,
                        SsmEmulator ssm, SecretsManagerEmulator secrets, AwsEndpoints endpoints) {
        this.ssm = ssm;
        this.secrets = secrets;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.ses = ses;
        this.scheduler = scheduler;
        this.endpoints = endpoints;
        this.mailbox = new SesEmulatorMailbox(endpoints.ses());
        this.shutdownHook = new Thread(ses::destroyForcibly, "stop-ses-emulator");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static EmbeddedAws start(Path repositoryRoot, Ports ports) {
        int dynamoPort = ports.dynamoDb() == 0 ? freePort() : ports.dynamoDb();
        int sesPort = ports.ses() == 0 ? freePort() : ports.ses();
        Process sesProcess = startSesEmulator(repositoryRoot, sesPort);
        DynamoDBProxyServer dynamo = null;
        S3Proxy s3Proxy = null;
        SchedulerEmulator scheduler = null;
        SsmEmulator ssm = null;
        SecretsManagerEmulator secrets = null;
        try {
            scheduler = SchedulerEmulator.start(ports.scheduler(), REGION);
            ssm = SsmEmulator.start(ports.ssm(), REGION);
            secrets = SecretsManagerEmulator.start(ports.secretsManager(), REGION);
            dynamo = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-port", Integer.toString(dynamoPort), "-disableTelemetry"});
            dynamo.start();
            s3Proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + ports.s3()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            s3Proxy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!"STARTED".equals(s3Proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 15 s");
                }
                Thread.sleep(10);
            }
            waitForSes(sesProcess, sesPort);
            return new EmbeddedAws(dynamo, s3Proxy, sesProcess, scheduler, ssm, secrets, new AwsEndpoints(
                    URI.create("http://127.0.0.1:" + dynamoPort), URI.create("http://127.0.0.1:" + s3Proxy.getPort()),
                    URI.create("http://127.0.0.1:" + sesPort), scheduler.endpoint(), REGION, ACCESS_KEY, SECRET_KEY,
                    ssm.endpoint(), secrets.endpoint()));
        } catch (Exception e) {
            sesProcess.destroyForcibly();
            if (scheduler != null) {
                scheduler.close();
            }
            if (ssm != null) {
                ssm.close();
            }
            if (secrets != null) {
                secrets.close();
            }
            stopQuietly(dynamo, s3Proxy);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("Cannot start the local AWS stack", e);
        }
    }

    /**
     * Where a stack started with {@code ports} answers for a client on {@code host} (a container
     * reaches this machine as {@code host.docker.internal}), with the credentials it checks.
     */
    public static AwsEndpoints endpoints(String host, Ports ports) {
        return new AwsEndpoints(url(host, ports.dynamoDb()), url(host, ports.s3()), url(host, ports.ses()),
                url(host, ports.scheduler()), REGION, ACCESS_KEY, SECRET_KEY, url(host, ports.ssm()),
                url(host, ports.secretsManager()));
    }

    private static URI url(String host, int port) {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public AwsEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public Mailbox mailbox() {
        return mailbox;
    }

    /** The schedules functions created, for the local run to fire when they fall due. */
    public SchedulerEmulator scheduler() {
        return scheduler;
    }

    /** The SES emulator's mail viewer, for people. */
    public URI mailViewer() {
        return endpoints.ses();
    }

    @Override
    public void close() {
        ses.destroy();
        scheduler.close();
        ssm.close();
        secrets.close();
        stopQuietly(dynamoDb, s3);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }

    private static void stopQuietly(DynamoDBProxyServer dynamo, S3Proxy s3Proxy) {
        try {
            if (dynamo != null) {
                dynamo.stop();
            }
        } catch (Exception ignored) {
            // stopping on the way out: the JVM's end frees the port anyway
        }
        try {
            if (s3Proxy != null) {
                s3Proxy.stop();
            }
        } catch (Exception ignored) {
            // as above
        }
    }

    /** Installs the repository's npm packages (from its lockfile) when they are missing. */
    public static Path sesEmulatorCli(Path repositoryRoot) {
        Path cli = repositoryRoot.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(repositoryRoot.toFile()).inheritIO().start();
            if (npm.waitFor() != 0 || !Files.isRegularFile(cli)) {
                throw new IllegalStateException("'npm ci' failed in " + repositoryRoot
                        + ": the SES emulator (npm aws-ses-v2-local) is needed. Is Node.js 20+ with npm installed?");
            }
            return cli;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run npm: the SES emulator needs Node.js 20+ with npm on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process startSesEmulator(Path repositoryRoot, int port) {
        Path cli = sesEmulatorCli(repositoryRoot);
        try {
            Path log = Files.createTempFile("ses-emulator-", ".log");
            log.toFile().deleteOnExit();
            return new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SES emulator with node", e);
        }
    }

    private static void waitForSes(Process process, int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/health-check");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The SES emulator exited with code " + process.exitValue()
                        + " (is port " + port + " free?)");
            }
            try {
                var response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The SES emulator did not answer on port " + port + " within 20 s");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
