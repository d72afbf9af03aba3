package sa.qayd.zatca.simulator;

/** Where a unit's next document must sit in its chain: the PIH and ICV it must carry. */
public record ChainPosition(String previousInvoiceHash, long icv) {
}
