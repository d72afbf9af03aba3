package sa.qayd.command.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.api.secret.MasterKey;
import org.springframework.stereotype.Component;
import sa.qayd.command.invoice.SigningKeys;

/**
 * Private keys and CSID secrets of EGS units, encrypted with the master key, in their own table:
 * they never enter an event, a log line or a response.
 */
@Component
public class EgsSecrets implements SigningKeys {
    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    public EgsSecrets(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    public void store(UUID egsUnitId, SecretKind kind, String value) {
        byte[] sealed = masterKey.seal(value.getBytes(StandardCharsets.UTF_8), context(egsUnitId, kind));
        jdbc.update("""
                insert into egs_secret (egs_unit_id, kind, sealed, updated_at) values (?, ?, ?, now())
                on conflict (egs_unit_id, kind) do update set sealed = excluded.sealed, updated_at = now()""",
                egsUnitId, kind.name(), sealed);
    }

    public void delete(UUID egsUnitId, SecretKind kind) {
        jdbc.update("delete from egs_secret where egs_unit_id = ? and kind = ?", egsUnitId, kind.name());
    }

    public Optional<String> find(UUID egsUnitId, SecretKind kind) {
        List<byte[]> rows = jdbc.query("select sealed from egs_secret where egs_unit_id = ? and kind = ?",
                (rs, row) -> rs.getBytes("sealed"), egsUnitId, kind.name());
        return rows.stream().findFirst()
                .map(sealed -> new String(masterKey.open(sealed, context(egsUnitId, kind)), StandardCharsets.UTF_8));
    }

    public String load(UUID egsUnitId, SecretKind kind) {
        return find(egsUnitId, kind).orElseThrow(() -> new IllegalStateException(
                "EGS unit " + egsUnitId + " has no " + kind + " stored"));
    }

    @Override
    public String privateKeyPem(UUID egsUnitId) {
        return load(egsUnitId, SecretKind.PRIVATE_KEY);
    }

    private static byte[] context(UUID egsUnitId, SecretKind kind) {
        return (egsUnitId + "/" + kind.name()).getBytes(StandardCharsets.UTF_8);
    }
}
