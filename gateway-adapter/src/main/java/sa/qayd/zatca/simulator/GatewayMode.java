package sa.qayd.zatca.simulator;

/** Which of ZATCA's gateways the simulator plays. Both take the same calls; they differ in the CSIDs they issue. */
public enum GatewayMode {
    /**
     * ZATCA's developer portal: a compliance CSID per CSR, issued by {@code CN=eInvoicing} with requestID
     * 1234567890123; the production CSID is always the SDK's certificate ({@link sa.qayd.zatca.sdk.SdkIdentity},
     * requestID 30368), so every document must be signed with the SDK's key and carry its VAT number
     * (otherwise {@code certificate-permissions}). No chain is tracked: all units share one certificate.
     */
    DEVELOPER_PORTAL,
    /**
     * ZATCA's simulation gateway (and core): per-CSR certificates from the simulator's CA for any VAT number, and
     * each unit's chain (ICV, PIH) tracked per certificate subject.
     */
    SIMULATION
}
