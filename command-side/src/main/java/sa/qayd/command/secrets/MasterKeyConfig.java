package sa.qayd.command.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.qayd.api.secret.MasterKey;

/**
 * The master key comes from {@code qayd.master-key} (base64 of 32 random bytes; required with an
 * external database). Without it, a local run keeps one in {@code <qayd.data-dir>/master.key},
 * created on first start and readable by its owner only; with no data directory at all (tests)
 * the key lives for the process only.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfig {
    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfig.class);

    @Bean
    MasterKey masterKey(@Value("${qayd.master-key:}") String configured, @Value("${qayd.data-dir:}") String dataDir,
                        @Value("${spring.datasource.url:}") String externalDatabase) throws IOException {
        if (!configured.isBlank()) {
            return MasterKey.fromBase64(configured);
        }
        if (!externalDatabase.isBlank()) {
            throw new IllegalStateException("set qayd.master-key (env QAYD_MASTER_KEY) to base64 of 32 random bytes: "
                    + "with an external database the secrets must outlive this machine");
        }
        if (dataDir.isBlank()) {
            log.warn("No qayd.master-key and no qayd.data-dir: EGS secrets are encrypted with a key that dies with this process");
            return MasterKey.fromBase64(MasterKey.newBase64());
        }
        Path file = Path.of(dataDir, "master.key").toAbsolutePath();
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MasterKey.newBase64(), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            log.info("Created a new master key in {}; back it up together with the database", file);
        }
        return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
