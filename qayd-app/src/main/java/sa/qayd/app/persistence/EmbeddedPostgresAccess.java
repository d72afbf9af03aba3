package sa.qayd.app.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL and how to get in: its superuser has a random password, generated on
 * the first start into {@value #PASSWORD_FILE} in the data directory (readable by its owner only),
 * and {@code pg_hba.conf} allows nothing but that password (SCRAM) over loopback. The embedded
 * library creates clusters that trust every local connection; each start puts the password and
 * these rules in place, on new clusters and on those of older Qayd versions alike.
 */
public final class EmbeddedPostgresAccess implements Closeable {
    static final String USER = "postgres";
    static final String PASSWORD_FILE = "qayd-postgres.password";
    private static final String HBA = """
            # Written by Qayd at every start: the superuser's password (SCRAM), over loopback only.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresAccess(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedPostgresAccess start(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        Path passwordFile = dataDirectory == null ? null : dataDirectory.resolve(PASSWORD_FILE);
        boolean known = passwordFile != null && Files.exists(passwordFile);
        String password = known ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim() : newPassword();
        // the library checks that the server is up by logging in: under the old rules the password is ignored
        builder.setConnectConfig("password", password);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw known ? e : new IOException("PostgreSQL in " + dataDirectory + " did not let Qayd in; if it asks for a "
                    + "password, " + passwordFile + " is missing: restore it from a backup of the data directory", e);
        }
        EmbeddedPostgresAccess access = new EmbeddedPostgresAccess(postgres, password);
        try {
            access.requirePassword(known, passwordFile);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw new IOException("could not secure the embedded PostgreSQL", e);
        }
        return access;
    }

    private static String newPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void requirePassword(boolean known, Path passwordFile) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), credentials())) {
            if (!known && passwordFile != null) {
                replace(passwordFile, password + "\n", null);
            }
            // every time, so a start that died between writing the file and here is made good; the
            // driver sends the SCRAM verifier, never the password itself
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            String hbaFile;
            try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("show hba_file")) {
                rows.next();
                hbaFile = rows.getString(1);
            }
            Path hba = Path.of(hbaFile);
            if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                replace(hba, HBA, hba);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_reload_conf()");
                }
            }
        }
    }

    /**
     * Writes the file whole or not at all (a new file moved into place), readable by its owner
     * only; with {@code ownerOf}, owned like that file (PostgreSQL may run as another user than Qayd).
     */
    private static void replace(Path file, String content, Path ownerOf) throws IOException {
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            if (ownerOf != null) {
                Files.setOwner(written, Files.getOwner(ownerOf));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it
        }
        Files.writeString(written, content, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", password);
        return properties;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
