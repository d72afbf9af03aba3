package sa.qayd.command.zatca;

import java.util.List;
import sa.qayd.api.ZatcaMessage;

/** ZATCA answered and said no (400, 401, other 4xx): retrying the same request will not help. */
public class ZatcaRefusal extends RuntimeException {
    private final int httpStatus;
    private final List<ZatcaMessage> errors;
    private final List<ZatcaMessage> warnings;

    public ZatcaRefusal(int httpStatus, String reason, List<ZatcaMessage> errors, List<ZatcaMessage> warnings) {
        super(reason);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<ZatcaMessage> errors() {
        return errors;
    }

    public List<ZatcaMessage> warnings() {
        return warnings;
    }
}
