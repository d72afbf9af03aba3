package sa.qayd.query.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/** The KSA-14 QR payload as a one-pixel-per-module bitmap, quiet zone included. */
final class QrSymbol {

    private static final int BLACK = 0xff000000;
    private static final int WHITE = 0xffffffff;
    /** The quiet zone ISO/IEC 18004 asks for, kept inside the image so nearby text cannot eat it. */
    private static final int QUIET_ZONE_MODULES = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);

    private QrSymbol() {
    }

    static BufferedImage of(String payload) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the QR payload does not fit a QR code", e);
        }
        BufferedImage image = new BufferedImage(modules.getWidth(), modules.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                image.setRGB(x, y, modules.get(x, y) ? BLACK : WHITE);
            }
        }
        return image;
    }
}
