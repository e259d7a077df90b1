package ma.salonsess.badges;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.salonsess.badges.render.CertificateRenderer;
import ma.salonsess.shared.certificate.CertificateMailing;
import ma.salonsess.shared.certificate.Certificates;
import ma.salonsess.shared.email.EmailTemplates;
import ma.salonsess.shared.email.Mailer;
import ma.salonsess.shared.registration.Registration;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** A registrant's certificates of attendance, as PDFs attached to one email in their language. */
final class CertificateMail implements CertificateMailing.Postman {
    static final String TEMPLATE = "certificates";
    private final EmailTemplates templates = new EmailTemplates(List.of(TEMPLATE));
    private final CertificateRenderer renderer;
    private final Mailer mailer;
    private final String apiUrl;

    /** @param apiUrl where a certificate's QR code sends a reader to check it */
    CertificateMail(CertificateRenderer renderer, Mailer mailer, String apiUrl) {
        this.renderer = renderer;
        this.mailer = mailer;
        this.apiUrl = apiUrl.replaceAll("/+$", "");
    }

    @Override
    public String send(List<Certificates.Certificate> certificates) {
        Registration r = certificates.getFirst().registrant();
        var fair = certificates.getFirst().fair();
        String workshops = certificates.stream().map(c -> c.workshop().title().in(r.language()))
                .collect(Collectors.joining(", "));
        var email = templates.render(TEMPLATE, r.language(), Map.of("name", r.firstName() + " " + r.lastName(),
                "fair", fair.name().in(r.language()), "workshops", workshops));
        List<Mailer.File> files = certificates.stream().map(c -> new Mailer.File(
                "certificate-" + c.workshop().workshopId() + ".pdf", "application/pdf",
                renderer.render(c, apiUrl + "/certificates/" + c.code()))).toList();
        try {
            return mailer.send(r.email().value(), email, files);
        } catch (SesV2Exception e) {
            if (Mailer.retryable(e)) {
                throw e;
            }
            throw new CertificateMailing.Refused("SES refused the message: "
                    + (e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode()), e);
        }
    }
}
