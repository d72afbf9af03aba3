package sa.qayd.platform.local;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qayd.data-dir}: the local state of a single-machine run (embedded PostgreSQL, the master key
 * file, the simulator's CA and compliance progress). Empty: nothing is kept beyond the process (tests).
 */
@ConfigurationProperties("qayd")
public record DataDirectory(@DefaultValue("") String dataDir) {

    /** The directory, or empty when the run keeps nothing. */
    public Optional<Path> path() {
        return dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir).toAbsolutePath());
    }
}
