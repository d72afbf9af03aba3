package sa.qayd.zatca.csr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A PKCS#10 request. The compliance API takes {@link #base64OfPem()} in its {@code csr} field. */
public record Csr(byte[] der) {

    public Csr {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN CERTIFICATE REQUEST-----\n" + body + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    public String base64OfPem() {
        return Base64.getEncoder().encodeToString(pem().getBytes(StandardCharsets.US_ASCII));
    }
}
