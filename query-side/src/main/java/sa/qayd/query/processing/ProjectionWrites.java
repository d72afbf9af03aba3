package sa.qayd.query.processing;

import java.sql.Savepoint;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A projection's write for one event, inside a savepoint of the batch's transaction. When the
 * statement fails, PostgreSQL would otherwise refuse every later statement of the transaction,
 * including Axon's own insert of the dead letter, and the processor would retry the same batch
 * forever instead of dead-lettering the one event and going on.
 */
@Component
public class ProjectionWrites {
    private final JdbcTemplate jdbc;

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int update(String sql, Object... args) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (connection.getAutoCommit()) {
                return jdbc.update(sql, args);
            }
            Savepoint savepoint = connection.setSavepoint();
            int rows;
            try {
                rows = jdbc.update(sql, args);
            } catch (RuntimeException failed) {
                connection.rollback(savepoint);
                throw failed;
            }
            connection.releaseSavepoint(savepoint);
            return rows;
        });
    }
}
