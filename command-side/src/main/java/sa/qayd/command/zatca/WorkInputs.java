package sa.qayd.command.zatca;

import sa.qayd.api.egs.EgsIdentity;

/**
 * What a unit's onboarding step or renewal needs beyond the unit's id, and how far it got: the unit's
 * identity (for the CSR and the compliance samples), the key ids of the secrets involved, and ZATCA's
 * answers already received. Progress is saved as soon as ZATCA answered, so a step resumed after a
 * crash does not ask again with a spent OTP. Documents need none of it (their inputs are their events).
 *
 * @param keyId the key the CSR was made for (compliance CSID, or a renewal's new key)
 * @param complianceRequestId ZATCA's request id of the compliance CSID, once issued
 * @param complianceCertificate base64 DER of the compliance certificate, once issued
 * @param productionKeyId the key the production CSID is kept under, once issued (the developer
 *     portal's fixed certificate comes with ZATCA's published key, so it is not {@code keyId})
 * @param currentKeyId a renewal's present key, which authenticates the renewal call
 */
public record WorkInputs(EgsIdentity identity, String keyId, Long complianceRequestId, String complianceCertificate,
                         String productionKeyId, String currentKeyId) {

    public static WorkInputs of(EgsIdentity identity) {
        return new WorkInputs(identity, null, null, null, null, null);
    }

    public WorkInputs withKeyId(String newKeyId) {
        return new WorkInputs(identity, newKeyId, complianceRequestId, complianceCertificate, productionKeyId, currentKeyId);
    }

    public WorkInputs withComplianceCsid(long requestId, String certificate) {
        return new WorkInputs(identity, keyId, requestId, certificate, productionKeyId, currentKeyId);
    }

    public WorkInputs withProductionKeyId(String newProductionKeyId) {
        return new WorkInputs(identity, keyId, complianceRequestId, complianceCertificate, newProductionKeyId, currentKeyId);
    }

    public WorkInputs withCurrentKeyId(String key) {
        return new WorkInputs(identity, keyId, complianceRequestId, complianceCertificate, productionKeyId, key);
    }

    public boolean hasComplianceCsid() {
        return complianceRequestId != null;
    }
}
