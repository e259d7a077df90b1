package ma.salonsess.shared.email;

import java.util.List;
import java.util.function.Supplier;
import ma.salonsess.shared.retry.Backoff;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends through SES v2, retrying what SES may accept a moment later (throttling, its own errors,
 * the network) with jittered backoff; what still fails is thrown, for the batch to report.
 */
public final class Mailer {
    private static final int ATTEMPTS = 4;
    private final SesV2Client ses;
    private final Supplier<String> sender;
    private final String configurationSet;

    /** A file sent with the email. */
    public record File(String name, String contentType, byte[] bytes) {
    }

    public Mailer(SesV2Client ses, String sender, String configurationSet) {
        this(ses, () -> sender, configurationSet);
    }

    /** With the sender read for each email (a run-time setting). */
    public Mailer(SesV2Client ses, Supplier<String> sender, String configurationSet) {
        this.ses = ses;
        this.sender = sender;
        this.configurationSet = configurationSet;
    }

    /** Returns SES's message id. The recipient is one validated address: never a list from input. */
    public String send(String to, EmailTemplates.Rendered email, List<File> files) {
        List<Attachment> attachments = files.stream().map(f -> Attachment.builder().fileName(f.name())
                .contentType(f.contentType()).rawContent(SdkBytes.fromByteArray(f.bytes())).build()).toList();
        String from = sender.get();
        for (int attempt = 1; ; attempt++) {
            try {
                return ses.sendEmail(b -> b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(to))
                        .configurationSetName(configurationSet)
                        .content(c -> c.simple(m -> m
                                .subject(s -> s.data(email.subject()).charset("UTF-8"))
                                .body(body -> body.text(t -> t.data(email.text()).charset("UTF-8"))
                                        .html(h -> h.data(email.html()).charset("UTF-8")))
                                .attachments(attachments)))).messageId();
            } catch (SesV2Exception e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            } catch (SdkClientException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Whether SES may take it later; otherwise (a rejected message, say) retrying is pointless. */
    public static boolean retryable(SesV2Exception e) {
        return e.statusCode() >= 500 || e.statusCode() == 429 || e.isThrottlingException();
    }

    private static void pause(int attempt) {
        Backoff.SERVICE.pause(attempt);
    }
}
