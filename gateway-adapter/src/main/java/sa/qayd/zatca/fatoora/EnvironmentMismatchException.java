package sa.qayd.zatca.fatoora;

/** A call declared for one ZATCA environment was handed to the client of another. */
public class EnvironmentMismatchException extends IllegalArgumentException {

    public EnvironmentMismatchException(FatooraEnvironment declared, FatooraEnvironment gateway) {
        super("call declared for " + declared + " refused by the " + gateway + " gateway client");
    }
}
