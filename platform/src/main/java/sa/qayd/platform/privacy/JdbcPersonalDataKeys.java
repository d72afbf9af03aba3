package sa.qayd.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.platform.secret.MasterKey;
import sa.qayd.platform.secret.SealingKey;

/**
 * The keys in {@code personal_data_key}, each sealed with the master key for its subject. Reads and
 * writes join the caller's transaction: a key made for a command that rolls back goes with it, and a
 * deleted key is gone for every replica the moment its transaction commits (keys are not cached).
 */
@Component
public class JdbcPersonalDataKeys implements PersonalDataKeys {
    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    @Override
    public String seal(UUID subject, String value) {
        jdbc.update("""
                insert into personal_data_key (subject_id, sealed_key, created_at) values (?, ?, now())
                on conflict (subject_id) do nothing""",
                subject, masterKey.seal(SealingKey.newKeyBytes(), keyContext(subject)));
        SealingKey key = key(subject).orElseThrow(() -> new IllegalStateException(
                "the personal data of " + subject + " was forgotten in this very transaction"));
        return Base64.getEncoder().encodeToString(key.seal(value.getBytes(StandardCharsets.UTF_8), valueContext(subject)));
    }

    @Override
    public Optional<String> open(UUID subject, String sealed) {
        return key(subject).map(key -> new String(key.open(Base64.getDecoder().decode(sealed), valueContext(subject)),
                StandardCharsets.UTF_8));
    }

    @Override
    public void forget(UUID subject) {
        jdbc.update("delete from personal_data_key where subject_id = ?", subject);
    }

    private Optional<SealingKey> key(UUID subject) {
        return jdbc.query("select sealed_key from personal_data_key where subject_id = ?",
                        (rs, row) -> rs.getBytes("sealed_key"), subject).stream().findFirst()
                .map(sealed -> SealingKey.of(masterKey.open(sealed, keyContext(subject))));
    }

    private static byte[] keyContext(UUID subject) {
        return ("personal-data-key/" + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** A value sealed for one subject does not open as another's, even under a copied key. */
    private static byte[] valueContext(UUID subject) {
        return ("personal-data/" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
