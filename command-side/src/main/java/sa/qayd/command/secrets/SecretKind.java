package sa.qayd.command.secrets;

/**
 * What an EGS unit keeps secret. The key material is kept per key id (a unit has a new key after every
 * renewal, and each document is submitted with the credentials of the key that signed it); the
 * one-time passwords per unit.
 */
public enum SecretKind {
    /** PEM of the secp256k1 private key that signs the unit's documents (per key id). */
    PRIVATE_KEY,
    /** binarySecurityToken and secret of a compliance CSID (per key id). */
    COMPLIANCE_CSID,
    /** binarySecurityToken and secret of a production CSID (per key id). */
    PRODUCTION_CSID,
    /** The Fatoora portal's OTP for onboarding, until ZATCA answered it (per unit). */
    ONBOARDING_OTP,
    /** The Fatoora portal's OTP for a certificate renewal, until ZATCA answered it (per unit). */
    RENEWAL_OTP
}
