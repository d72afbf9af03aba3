package sa.qayd.zatca.fatoora;

/** Header names and fixed values of the Fatoora protocol, shared by the client and the simulator. */
public final class FatooraHeaders {
    public static final String ACCEPT_VERSION = "Accept-Version";
    public static final String SUPPORTED_VERSION = "V2";
    public static final String OTP = "OTP";
    public static final String CLEARANCE_STATUS = "Clearance-Status";
    public static final String REPORTING_MODE = "0";
    public static final String CLEARANCE_MODE = "1";
    public static final String JSON = "application/json";

    private FatooraHeaders() {
    }
}
