package sa.qayd.command.egs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sa.qayd.api.apikey.ApiKeySecrets;
import sa.qayd.command.secrets.EgsSecrets;
import sa.qayd.command.secrets.SecretKind;

/**
 * A certificate renewal ZATCA has answered but Qayd has not recorded yet, kept encrypted and committed
 * in a transaction of its own. ZATCA's OTP is single use, while the transaction that records the
 * renewal may roll back: it loses an optimistic-locking race with an invoice of the same unit and
 * the command is retried, or the process stops. The retry with the same OTP then takes the
 * certificate ZATCA already issued instead of asking again with a spent OTP.
 */
@Component
class PendingRenewals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EgsSecrets secrets;
    private final TransactionTemplate ownTransaction;

    PendingRenewals(EgsSecrets secrets, PlatformTransactionManager transactions) {
        this.secrets = secrets;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What ZATCA answered to this OTP for this unit, if the answer has not been recorded yet. */
    Optional<Renewal> find(UUID egsUnitId, String otp) {
        return secrets.find(egsUnitId, SecretKind.PENDING_RENEWAL).map(PendingRenewals::parse)
                .filter(renewal -> renewal.otpHash().equals(ApiKeySecrets.hash(otp)));
    }

    /** Commits ZATCA's answer now, whatever becomes of the caller's transaction. */
    Renewal keep(UUID egsUnitId, String otp, String sealedCredentials, String privateKeyPem) {
        Renewal renewal = new Renewal(ApiKeySecrets.hash(otp), sealedCredentials, privateKeyPem);
        String stored = json(renewal);
        ownTransaction.executeWithoutResult(status -> secrets.store(egsUnitId, SecretKind.PENDING_RENEWAL, stored));
        return renewal;
    }

    /** In the caller's transaction: the renewal is recorded together with this. */
    void forget(UUID egsUnitId) {
        secrets.delete(egsUnitId, SecretKind.PENDING_RENEWAL);
    }

    record Renewal(String otpHash, String sealedCredentials, String privateKeyPem) {
    }

    private static String json(Renewal renewal) {
        try {
            return JSON.writeValueAsString(renewal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pending renewal is not serialisable", e);
        }
    }

    private static Renewal parse(String stored) {
        try {
            return JSON.readValue(stored, Renewal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored pending renewal is not readable", e);
        }
    }
}
