package sa.qayd.api.egs;

import java.time.Instant;

/** The public facts of a certificate ZATCA issued: base64 DER body, serial number, end of validity. */
public record IssuedCertificate(String base64, String serial, Instant notAfter) {
}
