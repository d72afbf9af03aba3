package sa.qayd.zatca.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * ZATCA's SDK data (read-only, outside the repo). Location: env {@code QAYD_ZATCA_SDK_DATA}, else
 * system property {@code qayd.zatca.sdk-data}. Tests that need it are skipped when it is absent.
 */
public final class SdkData {

    private SdkData() {
    }

    /** The folder, or null when not configured or missing. */
    public static Path locationOrNull() {
        String configured = System.getenv("QAYD_ZATCA_SDK_DATA");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("qayd.zatca.sdk-data");
        }
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path path = Path.of(configured).toAbsolutePath().normalize();
        return Files.isDirectory(path.resolve("Samples")) ? path : null;
    }

    public static boolean present() {
        return locationOrNull() != null;
    }

    /** The folder; skips the calling test when the SDK data is not there. */
    public static Path require() {
        Path location = locationOrNull();
        assumeTrue(location != null, "ZATCA SDK data not found: set QAYD_ZATCA_SDK_DATA or -Dqayd.zatca.sdk-data "
                + "to the SDK's Data folder (../shared/zatca/sdk-data); skipping");
        return location;
    }

    public static Path resolve(String relative) {
        return require().resolve(relative);
    }

    /** The R3.3.3 error samples sit beside the SDK data folder. */
    public static Path errorSamples() {
        Path folder = require().resolveSibling("error-samples-R3.3.3");
        assumeTrue(Files.isDirectory(folder), "error samples not found beside the SDK data; skipping");
        return folder;
    }

    public static List<Path> xmlFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
