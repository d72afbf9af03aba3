package sa.qayd.zatca.fatoora;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import sa.qayd.zatca.fatoora.ReplayServer.Canned;
import sa.qayd.zatca.sdk.SdkIdentity;

/**
 * Answers of ZATCA's gateways as other integrators recorded them, verbatim where the source gives the body whole.
 * Each constant names its source; where a source elides a value (a token, a cleared invoice) the comment says what
 * stands in for it.
 */
final class RecordedAnswers {

    private RecordedAnswers() {
    }

    // --- reporting ------------------------------------------------------------------------------------------

    /** ZATCA's developer-portal Swagger ("e-Invoicing Sandbox Release (2.1.0)"), reporting, 200. */
    static final Canned REPORTED = Canned.json(200, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[],"errorMessages":[],"status":"PASS"},"reportingStatus":"REPORTED"}""");

    /** ZATCA community forum, thread "reported with warning" (zatca1.discourse.group/t/5134), 202. */
    static final Canned REPORTED_WITH_WARNING = Canned.json(202, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[{"type":"WARNING","code":"invalid-signing-certificate","category":"CERTIFICATE_ERRORS",\
            "message":"X509Certificate (CCSID / PCSID) used for signing is not valid certificate (CCSID / PCSID) for \
            this VAT Registration Number.","status":"WARNING"}],"errorMessages":[],"status":"WARNING"},\
            "reportingStatus":"REPORTED"}""");

    /** ZATCA's Swagger, reporting, 400 (two errors, NOT_REPORTED). */
    static final Canned NOT_REPORTED = Canned.json(400, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[],"errorMessages":[{"type":"ERROR","code":"invalid-invoice-hash",\
            "category":"INVOICE_HASHING_ERRORS","message":"The invoice hash API body does not match the (calculated) \
            Hash of the XML","status":"ERROR"},{"type":"ERROR","code":"invoiceHash_QRCODE_INVALID",\
            "category":"QRCODE_VALIDATION","message":"Invoice xml hash does not match with qr code invoice xml hash",\
            "status":"ERROR"}],"status":"ERROR"},"reportingStatus":"NOT_REPORTED"}""");

    /** ZATCA forum thread "409 status code duplicate invoice error", as quoted in issue 12. */
    static final Canned ALREADY_REPORTED = Canned.json(409, """
            {"validationResults":{"infoMessages":[],"warningMessages":[],"errorMessages":[{"type":"ERROR",\
            "code":"Invoice-Errors","category":"Duplicate-Invoice","message":"Invoice was already reported \
            successfully earlier.","status":"ERROR"}],"status":"ERROR"},"reportingStatus":"NOT_REPORTED"}""");

    /** ZATCA's Swagger, reporting, 409: the same answer with code and category null. */
    static final Canned ALREADY_REPORTED_SWAGGER = Canned.json(409, """
            {"validationResults":{"infoMessages":[],"warningMessages":[],"errorMessages":[{"type":"ERROR","code":null,\
            "category":null,"message":"Invoice was already Reported successfully earlier.","status":"ERROR"}],\
            "status":"ERROR"},"reportingStatus":"NOT_REPORTED"}""");

    /** An integrator's field notes (GitHub code search): "The body may be empty" on a 409. */
    static final Canned ALREADY_REPORTED_WITHOUT_BODY = Canned.text(409, "application/json", "");

    /**
     * lavaloon-eg/ksa_compliance issue 320: the answer to a resend after a 504. The issue does not give the status;
     * it is replayed with 409 and with 200.
     */
    static final String REPORTED_SUCCESSFULLY_EARLIER = """
            {"message":"Invoice Hash Previously Submitted","reportingStatus":"REPORTED_SUCCESSFULLY_EARLIER"}""";

    // --- clearance ------------------------------------------------------------------------------------------

    /** A cleared document; recorded answers elide theirs, so this one stands in for ZATCA's stamped XML. */
    static final String CLEARED_XML = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";

    /** ZATCA's Swagger, clearance, 200, with {@link #CLEARED_XML} as the cleared invoice. */
    static final Canned CLEARED = Canned.json(200, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[],"errorMessages":[],"status":"PASS"},"clearanceStatus":"CLEARED",\
            "clearedInvoice":"%s"}""".formatted(base64(CLEARED_XML)));

    /**
     * lavaloon-eg/ksa_compliance issue 291: a clearance resend answered with the duplicate warning and the cleared
     * invoice (HTTP 208 per ZATCA's deployment notice, forum thread 7954). The issue truncates
     * {@code clearedInvoice}; {@link #CLEARED_XML} stands in.
     */
    static final Canned ALREADY_CLEARED = Canned.json(208, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[{"type":"WARNING","code":"Invoice-Warning","category":"Duplicate-Invoice",\
            "message":"Invoice Hash Previously submitted.","status":"WARNING"}],"errorMessages":[],"status":"WARNING"},\
            "clearanceStatus":"CLEARED","clearedInvoice":"%s"}""".formatted(base64(CLEARED_XML)));

    /**
     * lavaloon-eg/ksa_compliance issue 227: a standard credit note refused by the compliance check (NOT_CLEARED,
     * EN 16931 errors, ZATCA's extra {@code qrSellertStatus} fields); replayed with 400.
     */
    static final Canned NOT_CLEARED = Canned.json(400, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[],"errorMessages":[{"type":"ERROR","code":"BR-CO-15","category":"EN_16931",\
            "message":"Invoice total amount with VAT (BT-112) ","status":"ERROR"},{"type":"ERROR","code":"BR-CO-14",\
            "category":"EN_16931","message":"Invoice total VAT amount (BT-110) ","status":"ERROR"}],"status":"ERROR"},\
            "reportingStatus":null,"clearanceStatus":"NOT_CLEARED","qrSellertStatus":null,"qrBuyertStatus":null}""");

    /**
     * ERPGulf/zatca_erpgulf issue 104: the clearance endpoint answered 200 with {@code reportingStatus REPORTED} and
     * no clearance status, for a document that was not a standard one.
     */
    static final Canned CLEARANCE_WITHOUT_CLEARED = Canned.json(200, """
            {"validationResults":{"infoMessages":[{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"}],\
            "warningMessages":[],"errorMessages":[],"status":"PASS"},"reportingStatus":"REPORTED",\
            "clearanceStatus":null,"qrSellertStatus":null,"qrBuyertStatus":null}""");

    /**
     * ZATCA's Swagger models the 303 body as {@code InfoModel {message}}; the text is as integrators quote it
     * (GitHub code search).
     */
    static final Canned CLEARANCE_SWITCHED_OFF = Canned.json(303, """
            {"message":"Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead."}""");

    // --- CSIDs ----------------------------------------------------------------------------------------------

    /** The answer of {@code POST /compliance} as ZATCA's protocol brief §1.4 quotes it, with a real token. */
    static final Canned COMPLIANCE_CSID_ISSUED = Canned.json(200, """
            {"requestID":1234567890123,"tokenType":"http://docs.oasis-open.org/wss/2004/01/\
            oasis-200401-wss-x509-token-profile-1.0#X509v3","dispositionMessage":"ISSUED",\
            "binarySecurityToken":"%s","secret":"Xlj15LyMCgSC66ObnEO/qVPfhSbs3kDTjWnGheYhfSs=","errors":null}\
            """.formatted(SdkIdentity.binarySecurityToken()));

    /**
     * The developer portal's production CSID, as in Odoo l10n_sa_edi's demo data ({@code requestID 30368}); the
     * token is the SDK certificate's, as issue 12 decodes it.
     */
    static final Canned DEVELOPER_PORTAL_PRODUCTION_CSID = Canned.json(200, """
            {"requestID":30368,"tokenType":"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-\
            profile-1.0#X509v3","dispositionMessage":"ISSUED","binarySecurityToken":"%s",\
            "secret":"CkYsEXfV8c1gFHAtFWoZv73pGMvh/Qyo4LzKM2h/8Hg="}""".formatted(SdkIdentity.binarySecurityToken()));

    /**
     * ZATCA forum thread "how to renew expired PCSID" (zatca1.discourse.group/t/524), HTTP 428. The post cuts the
     * token off and leaves the secret out; a certificate token and a secret stand in.
     */
    static final Canned RENEWED_PENDING_COMPLIANCE = Canned.json(428, """
            {"requestID":1730365866069,"tokenType":null,"dispositionMessage":"NOT_COMPLIANT",\
            "binarySecurityToken":"%s","secret":"renewed-compliance-secret"}""".formatted(SdkIdentity.binarySecurityToken()));

    /** sevaske/php-zatca-xml issue 2, {@code POST /compliance}, 400 with the errors as strings (quoted in issue 12). */
    static final Canned CSID_ERRORS_AS_STRINGS = Canned.json(400, """
            {"requestID":-1,"dispositionMessage":"NOT_COMPLIANT","binarySecurityToken":"","secret":"",\
            "errors":["Invoice type is …"]}""");

    /** docs.claudion.com ("timestamp alignment" page): a CSR with another gateway's certificate template. */
    static final Canned CSID_DENIED_BY_POLICY = Canned.json(400, """
            {"requestID":-2,"tokenType":null,"dispositionMessage":"NOT_COMPLIANT","binarySecurityToken":null,\
            "errors":["unable to submit and sign the csr in zatca side, caused : Denied by Policy Module 0x80094800, \
            The request was for a certificate template that is not supported by the Active Directory Certificate \
            Services policy: PREZATCA-Code-Signing.\\r\\n"]}""");

    /**
     * {@code POST /compliance} with a placeholder OTP against the simulation gateway, as integrators recorded it
     * (GitHub code search; the code and text also in lavaloon-eg/ksa_compliance issue 199).
     */
    static final Canned INVALID_OTP = Canned.json(400, """
            {"errors":[{"code":"Invalid-OTP","message":"The provided OTP is invalid"}]}""");

    /** ERPGulf/zatca_erpgulf issue 5, {@code POST /production/csids} in simulation: a bare {code, message}. */
    static final Canned MISSING_COMPLIANCE_STEPS = Canned.json(400, """
            {"code":"Missing-ComplianceSteps","message":"The compliance certificate is not done with the following \
            compliance steps yet [buyer-qr-code-compliant,seller-qr-code-compliant]"}""");

    /**
     * The {errorCode, errorCategory, errorMessage} shape issue 12 and ZATCA's protocol brief §7 list for CSID
     * errors. No verbatim recording was found; the values are ours.
     */
    static final Canned ERROR_CODE_SHAPE = Canned.json(400, """
            {"errorCode":"Invalid-CSR","errorCategory":"CSR","errorMessage":"The provided CSR is invalid"}""");

    // --- any call -------------------------------------------------------------------------------------------

    /**
     * The Swagger 200 of reporting with {@code infoMessages} as one object instead of a list, as issue 12 reports
     * ZATCA sending it.
     */
    static final Canned INFO_MESSAGES_AS_OBJECT = Canned.json(200, """
            {"validationResults":{"infoMessages":{"type":"INFO","code":"XSD_ZATCA_VALID","category":"XSD validation",\
            "message":"Complied with UBL 2.1 standards in line with ZATCA specifications","status":"PASS"},\
            "warningMessages":[],"errorMessages":[],"status":"PASS"},"reportingStatus":"REPORTED"}""");

    /** ZATCA's Swagger, 401. */
    static final Canned UNAUTHORIZED = Canned.json(401, """
            {"timestamp":1654514661409,"status":401,"error":"Unauthorized","message":""}""");

    /** ZATCA's Swagger, 406, plain text. */
    static final Canned VERSION_NOT_SUPPORTED = Canned.text(406, "text/plain",
            "This Version is not supported or not provided in the header.");

    /** ZATCA's Swagger, 500. */
    static final Canned SERVER_ERROR = Canned.json(500, """
            {"category":"HTTP-Errors","code":"500","message":"Something went wrong and caused an Internal Server \
            Error."}""");

    /** A load balancer's error page in front of the gateway (the common nginx page). */
    static final Canned PROXY_BAD_GATEWAY = Canned.text(502, "text/html", """
            <html>\r
            <head><title>502 Bad Gateway</title></head>\r
            <body>\r
            <center><h1>502 Bad Gateway</h1></center>\r
            <hr><center>nginx</center>\r
            </body>\r
            </html>\r
            """);

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
