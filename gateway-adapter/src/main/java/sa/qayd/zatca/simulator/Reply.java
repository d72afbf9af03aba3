package sa.qayd.zatca.simulator;

import java.nio.charset.StandardCharsets;
import sa.qayd.zatca.fatoora.FatooraJson;
import sa.qayd.zatca.fatoora.GatewayError;

/** One HTTP answer of the simulator. */
record Reply(int status, String contentType, byte[] body) {

    static Reply json(int status, Object body) {
        return new Reply(status, "application/json", FatooraJson.write(body));
    }

    static Reply text(int status, String body) {
        return new Reply(status, "text/plain;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** ZATCA's bare error shape, used for server-side and routing errors. */
    static Reply error(int status, String code, String message) {
        return json(status, new GatewayError(code, message));
    }
}
