package sa.qayd.command.secrets;

/** What an EGS unit keeps secret: its signing key and the credentials ZATCA gave it. */
public enum SecretKind {
    /** PEM of the secp256k1 private key that signs the unit's invoices. */
    PRIVATE_KEY,
    /** binarySecurityToken and secret of the compliance CSID. */
    COMPLIANCE_CSID,
    /** binarySecurityToken and secret of the production CSID. */
    PRODUCTION_CSID,
    /** A renewal ZATCA answered that is not recorded yet (see PendingRenewals): OTP hash, CSID and key. */
    PENDING_RENEWAL
}
