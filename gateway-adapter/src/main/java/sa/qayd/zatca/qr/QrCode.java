package sa.qayd.zatca.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * ZATCA's QR payload (KSA-14): TLV with a 1-byte tag and a 1-byte length, base64 of the
 * concatenation. Tags 1–7 are UTF-8 text, tag 8 the DER public key, tag 9 (simplified documents
 * only) the DER signature of the certificate by ZATCA's CA.
 */
public final class QrCode {

    /** The overall limit a ZATCA moderator gave for Phase 2 QR payloads, in base64 characters. */
    public static final int MAX_BASE64_LENGTH = 1000;

    private QrCode() {
    }

    public static String encode(QrFields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640);
        text(out, 1, fields.sellerName());
        text(out, 2, fields.vatNumber());
        text(out, 3, fields.timestamp());
        text(out, 4, fields.totalWithVat());
        text(out, 5, fields.vatTotal());
        text(out, 6, fields.invoiceHash());
        text(out, 7, fields.signature());
        tlv(out, 8, fields.publicKey());
        if (fields.certificateSignature() != null) {
            tlv(out, 9, fields.certificateSignature());
        }
        String base64 = Base64.getEncoder().encodeToString(out.toByteArray());
        if (base64.length() > MAX_BASE64_LENGTH) {
            throw new IllegalArgumentException("QR payload is " + base64.length() + " characters, over " + MAX_BASE64_LENGTH);
        }
        return base64;
    }

    /** Tag → value. Throws IllegalArgumentException on anything that is not well-formed TLV. */
    public static Map<Integer, byte[]> decode(String base64) {
        byte[] data = Base64.getDecoder().decode(base64.strip());
        Map<Integer, byte[]> values = new TreeMap<>();
        int i = 0;
        while (i < data.length) {
            if (i + 2 > data.length) {
                throw new IllegalArgumentException("truncated TLV header at byte " + i);
            }
            int tag = data[i] & 0xFF;
            int length = data[i + 1] & 0xFF;
            if (i + 2 + length > data.length) {
                throw new IllegalArgumentException("tag " + tag + " is longer than the payload");
            }
            byte[] value = new byte[length];
            System.arraycopy(data, i + 2, value, 0, length);
            if (values.put(tag, value) != null) {
                throw new IllegalArgumentException("tag " + tag + " occurs twice");
            }
            i += 2 + length;
        }
        return values;
    }

    private static void text(ByteArrayOutputStream out, int tag, String value) {
        tlv(out, tag, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        if (value.length > 255) {
            throw new IllegalArgumentException("QR tag " + tag + " is " + value.length + " bytes; a TLV value holds at most 255");
        }
        out.write(tag);
        out.write(value.length);
        out.writeBytes(value);
    }
}
