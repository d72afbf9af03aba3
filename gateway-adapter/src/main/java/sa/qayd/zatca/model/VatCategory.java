package sa.qayd.zatca.model;

/** UNCL 5305 VAT category codes that ZATCA accepts (BR-KSA-18). */
public enum VatCategory {
    /** Standard rate (15 %, or 5 % where the law allows it). */
    S,
    /** Zero rated. */
    Z,
    /** Exempt. */
    E,
    /** Out of scope / not subject to VAT. */
    O
}
