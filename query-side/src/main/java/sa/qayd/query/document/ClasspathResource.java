package sa.qayd.query.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped inside this module (fonts, colour profile): rendering needs nothing from the machine it runs on. */
final class ClasspathResource {

    private ClasspathResource() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = ClasspathResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
