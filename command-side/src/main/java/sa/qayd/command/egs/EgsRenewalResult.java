package sa.qayd.command.egs;

import java.time.Instant;

/** What a renewal came to: the new certificate, or ZATCA's reason for refusing. */
public record EgsRenewalResult(boolean renewed, String certificateSerial, Instant certificateNotAfter, String reason) {

    static EgsRenewalResult renewed(IssuedCertificate certificate) {
        return new EgsRenewalResult(true, certificate.serial(), certificate.notAfter(), null);
    }

    static EgsRenewalResult refused(String reason) {
        return new EgsRenewalResult(false, null, null, reason);
    }
}
