package ma.salonsess.localaws;

import java.util.Base64;
import java.util.List;

/** An email as SES accepted it. */
public record SentEmail(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                        String subject, String text, String html, List<Attachment> attachments) {

    public SentEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
    }

    /** An attachment; {@code contentBase64} as sent. */
    public record Attachment(String filename, String contentType, String contentBase64) {
        public byte[] bytes() {
            return Base64.getDecoder().decode(contentBase64);
        }
    }
}
