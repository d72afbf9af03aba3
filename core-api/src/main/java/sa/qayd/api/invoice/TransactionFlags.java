package sa.qayd.api.invoice;

/**
 * The transactions a document records beyond an ordinary sale, positions 3–7 of ZATCA's invoice
 * transaction code (KSA-2).
 *
 * @param thirdParty issued by a third party on behalf of the seller
 * @param nominal    a nominal supply (goods given away, own use)
 * @param export     an export; standard documents only
 * @param summary    one document for many supplies over a supply period
 * @param selfBilled issued by the buyer on behalf of the seller; standard documents only, not with export
 */
public record TransactionFlags(boolean thirdParty, boolean nominal, boolean export, boolean summary, boolean selfBilled) {

    public static final TransactionFlags NONE = new TransactionFlags(false, false, false, false, false);
}
