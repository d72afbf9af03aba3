package sa.qayd.command.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.platform.secret.MasterKey;
import sa.qayd.command.egs.OneTimePasswords;
import sa.qayd.command.invoice.SigningKeys;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.GatewayCredentials;

/**
 * Private keys, CSID secrets and one-time passwords of EGS units, encrypted with the master key, in
 * their own table: they never enter an event, a log line or a response. Secrets of a key are kept
 * under its key id; a unit's one-time passwords under {@link #UNIT} (and so are the keys of units
 * onboarded before key ids existed).
 */
@Component
public class EgsSecrets implements SigningKeys, OneTimePasswords {
    /** The key id of secrets that belong to the unit rather than to one of its keys. */
    public static final String UNIT = "";

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    public EgsSecrets(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    public void store(UUID egsUnitId, SecretKind kind, String keyId, String value) {
        byte[] sealed = masterKey.seal(value.getBytes(StandardCharsets.UTF_8), context(egsUnitId, kind, keyId));
        jdbc.update("""
                insert into egs_secret (egs_unit_id, kind, key_id, sealed, updated_at) values (?, ?, ?, ?, now())
                on conflict (egs_unit_id, kind, key_id) do update set sealed = excluded.sealed, updated_at = now()""",
                egsUnitId, kind.name(), keyId, sealed);
    }

    public void delete(UUID egsUnitId, SecretKind kind, String keyId) {
        jdbc.update("delete from egs_secret where egs_unit_id = ? and kind = ? and key_id = ?", egsUnitId, kind.name(), keyId);
    }

    public Optional<String> find(UUID egsUnitId, SecretKind kind, String keyId) {
        List<byte[]> rows = jdbc.query("select sealed from egs_secret where egs_unit_id = ? and kind = ? and key_id = ?",
                (rs, row) -> rs.getBytes("sealed"), egsUnitId, kind.name(), keyId);
        return rows.stream().findFirst()
                .map(sealed -> new String(masterKey.open(sealed, context(egsUnitId, kind, keyId)), StandardCharsets.UTF_8));
    }

    public String load(UUID egsUnitId, SecretKind kind, String keyId) {
        return find(egsUnitId, kind, keyId).orElseThrow(() -> new IllegalStateException(
                "EGS unit " + egsUnitId + " has no " + kind + (keyId.isEmpty() ? "" : " for key " + keyId) + " stored"));
    }

    /** A CSID as ZATCA issued it: token and secret, kept together under one key id. */
    public void storeCredentials(UUID egsUnitId, SecretKind kind, String keyId, GatewayCredentials credentials) {
        store(egsUnitId, kind, keyId, credentials.binarySecurityToken() + "\n" + credentials.secret());
    }

    public Optional<GatewayCredentials> findCredentials(UUID egsUnitId, SecretKind kind, String keyId,
                                                        FatooraEnvironment environment) {
        return find(egsUnitId, kind, keyId).map(sealed -> {
            int newline = sealed.indexOf('\n');
            return new GatewayCredentials(environment, sealed.substring(0, newline), sealed.substring(newline + 1));
        });
    }

    public GatewayCredentials credentials(UUID egsUnitId, SecretKind kind, String keyId, FatooraEnvironment environment) {
        return findCredentials(egsUnitId, kind, keyId, environment).orElseThrow(() -> new IllegalStateException(
                "EGS unit " + egsUnitId + " has no " + kind + (keyId.isEmpty() ? "" : " for key " + keyId) + " stored"));
    }

    /** The production CSID that documents signed with this key are submitted with. */
    public GatewayCredentials credentials(UUID egsUnitId, String keyId, FatooraEnvironment environment) {
        return credentials(egsUnitId, SecretKind.PRODUCTION_CSID, keyId, environment);
    }

    @Override
    public String privateKeyPem(UUID egsUnitId, String keyId) {
        return load(egsUnitId, SecretKind.PRIVATE_KEY, keyId);
    }

    @Override
    public void keepForOnboarding(UUID egsUnitId, String otp) {
        store(egsUnitId, SecretKind.ONBOARDING_OTP, UNIT, otp);
    }

    @Override
    public void keepForRenewal(UUID egsUnitId, String otp) {
        store(egsUnitId, SecretKind.RENEWAL_OTP, UNIT, otp);
    }

    /** Binds each sealed value to its place, so a value copied to another row does not open. */
    private static byte[] context(UUID egsUnitId, SecretKind kind, String keyId) {
        String place = egsUnitId + "/" + kind.name() + (keyId.isEmpty() ? "" : "/" + keyId);
        return place.getBytes(StandardCharsets.UTF_8);
    }
}
