package sa.qayd.zatca.fatoora;

import java.util.List;

/** The JSON body of a Fatoora answer, as far as ZATCA sent one. */
public sealed interface FatooraResponse permits CsidResponse, InvoiceResponse {

    /** ZATCA's errors, then its warnings, in the one shape {@link FatooraOutcome#messages()} promises. */
    List<ValidationMessage> messages();

    /**
     * Whether this body, received with a 2xx, states that the call succeeded: a 2xx alone is not success
     * (ZATCA answers {@code NOT_REPORTED} or a clearance without {@code CLEARED} with 200 too).
     */
    boolean confirms(FatooraEndpoint endpoint);
}
