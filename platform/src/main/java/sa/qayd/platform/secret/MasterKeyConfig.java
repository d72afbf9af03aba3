package sa.qayd.platform.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.qayd.platform.local.DataDirectory;

/**
 * The master key comes from {@code qayd.master-key} (base64 of 32 random bytes; required with an
 * external database). Without it, a local run keeps one in {@code <qayd.data-dir>/master.key},
 * created on first start and readable by its owner only; with no data directory at all (tests)
 * the key lives for the process only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MasterKeyConfig.MasterKeySetting.class)
class MasterKeyConfig {
    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfig.class);

    /** {@code qayd.master-key}: base64 of 32 random bytes, or empty for the data directory's key file. */
    @ConfigurationProperties("qayd")
    record MasterKeySetting(@DefaultValue("") String masterKey) {
    }

    @Bean
    MasterKey masterKey(MasterKeySetting setting, DataDirectory dataDirectory, DataSourceProperties dataSource)
            throws IOException {
        if (!setting.masterKey().isBlank()) {
            return MasterKey.fromBase64(setting.masterKey());
        }
        if (dataSource.getUrl() != null && !dataSource.getUrl().isBlank()) {
            throw new IllegalStateException("set qayd.master-key (env QAYD_MASTER_KEY) to base64 of 32 random bytes: "
                    + "with an external database the secrets must outlive this machine");
        }
        if (dataDirectory.path().isEmpty()) {
            log.warn("No qayd.master-key and no qayd.data-dir: EGS secrets are encrypted with a key that dies with this process");
            return MasterKey.fromBase64(MasterKey.newBase64());
        }
        Path file = dataDirectory.path().get().resolve("master.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MasterKey.newBase64(), StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            log.info("Created a new master key in {}; back it up together with the database", file);
        }
        return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
