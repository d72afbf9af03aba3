package sa.qayd.app.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.qayd.platform.local.DataDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Qayd runs its own real PostgreSQL whose data directory
 * survives restarts: {@code <qayd.data-dir>/postgres}, default {@code ./data/postgres}. It keeps
 * tax records, so it runs durably (fsync and synchronous commit on, which the embedded library
 * turns off for tests), listens on loopback only and asks for a password (see
 * {@link EmbeddedPostgresAccess}). A PostgreSQL left running by a killed service is stopped first
 * ({@link StalePostmaster}). With an empty {@code qayd.data-dir} (tests) it runs on a temporary
 * directory that is deleted afterwards; tests of throwaway databases may turn durability off
 * ({@code qayd.embedded-postgres.durable=false}), where it would only cost time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPostgresSettings.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresAccess embeddedPostgres(DataDirectory dataDirectory, EmbeddedPostgresSettings settings)
            throws IOException {
        boolean durable = settings.durable();
        // stopped by this bean's close, after the processors and the pool that use it: its own JVM hook
        // would stop it at once, under running transactions, and make every shutdown slow and noisy
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                // no Unix socket: its permissions would be a second way in
                .setServerConfig("unix_socket_directories", "");
        Path directory = dataDirectory.path().map(path -> path.resolve("postgres")).orElse(null);
        if (directory != null) {
            Files.createDirectories(directory.getParent());
            StalePostmaster.clear(directory);
            builder.setDataDirectory(directory.toFile()).setCleanDataDirectory(false);
        }
        if (durable) {
            // the library passes -F (fsync off) and synchronous_commit=off; these come later and win
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgresAccess postgres = EmbeddedPostgresAccess.start(builder, directory);
        log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {} ({}, password required)", postgres.port(),
                directory == null ? "a temporary directory" : directory, durable ? "durable" : "NOT durable: tests only");
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresAccess postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresAccess.USER);
        dataSource.setPassword(postgres.password());
        return dataSource;
    }
}
