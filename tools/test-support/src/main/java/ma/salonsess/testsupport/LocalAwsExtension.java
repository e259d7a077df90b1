package ma.salonsess.testsupport;

import java.util.List;
import ma.salonsess.localaws.AwsStack;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local AWS stack once per test JVM and hands tests a {@link LocalAws}. The backend is
 * the embedded emulators, or LocalStack when the build runs with {@code -Plocalstack}
 * (system property {@code salon.aws.backend=localstack}).
 *
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class MyTest {
 *     @Test void works(LocalAws aws) { ... }
 * }
 * }</pre>
 *
 * <p>It also keeps what each test prints and fails the test if the functions logged personal data
 * ({@link LogPrivacy}).
 */
public final class LocalAwsExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private static final Object LOCK = new Object();
    private static LocalAws shared;
    /** A stack that failed to start is not retried for every test: each gets the same reason. */
    private static RuntimeException startFailure;

    @Override
    public void beforeEach(ExtensionContext context) {
        LogPrivacy.capture();
        LogPrivacy.takeFindings(); // what came before this test is not its doing
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> findings = LogPrivacy.takeFindings();
        if (!findings.isEmpty()) {
            throw new AssertionError("Personal data in the log output of " + context.getDisplayName() + ": "
                    + findings);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return get();
    }

    /** The stack of this JVM, started on first use and stopped when the JVM exits. */
    public static LocalAws get() {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw startFailure;
            }
            if (shared == null) {
                AwsStack stack;
                try {
                    stack = start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-local-aws"));
                shared = new LocalAws(stack, SamTemplate.load(RepositoryLayout.template()));
            }
            return shared;
        }
    }

    private static AwsStack start() {
        String backend = System.getProperty("salon.aws.backend", "embedded");
        return switch (backend) {
            case "embedded" -> EmbeddedAws.start(RepositoryLayout.root(), EmbeddedAws.Ports.any());
            case "localstack" -> LocalStackAws.start();
            default -> throw new IllegalStateException("Unknown salon.aws.backend '" + backend
                    + "': use 'embedded' (default) or 'localstack' (-Plocalstack)");
        };
    }
}
