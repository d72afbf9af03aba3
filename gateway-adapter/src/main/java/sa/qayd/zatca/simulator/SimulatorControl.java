package sa.qayd.zatca.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * HTTP control of a running simulator, for tests in other processes. Mounted at {@value #PATH} beside the
 * gateway's base path:
 * <ul>
 *   <li>{@code POST /simulator/faults?status=503&calls=3} or {@code ?status=503&seconds=30}</li>
 *   <li>{@code POST /simulator/faults?delayMillis=2000&calls=1}</li>
 *   <li>{@code POST /simulator/faults?drop=true&calls=1}</li>
 *   <li>{@code POST /simulator/faults?loseAnswer=true&calls=1}</li>
 *   <li>{@code DELETE /simulator/faults}</li>
 *   <li>{@code POST /simulator/clearance?enabled=false}</li>
 * </ul>
 */
final class SimulatorControl {
    static final String PATH = "/simulator";

    private SimulatorControl() {
    }

    static Reply handle(String method, URI uri, FaultPlan faults, Consumer<Boolean> clearanceSwitch) {
        String path = uri.getPath().substring(PATH.length());
        Map<String, String> query = query(uri);
        try {
            if (path.equals("/faults") && method.equals("DELETE")) {
                faults.clear();
            } else if (path.equals("/faults") && method.equals("POST")) {
                addFault(faults, query);
            } else if (path.equals("/clearance") && method.equals("POST")) {
                clearanceSwitch.accept(Boolean.parseBoolean(query.get("enabled")));
            } else {
                return Reply.error(404, "Not-Found", method + " " + uri.getPath() + " is not a control endpoint");
            }
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "Invalid-Control", String.valueOf(e.getMessage()));
        }
        return new Reply(204, "text/plain", new byte[0]);
    }

    private static void addFault(FaultPlan faults, Map<String, String> query) {
        int calls = Integer.parseInt(query.getOrDefault("calls", "1"));
        if (query.containsKey("status") && query.containsKey("seconds")) {
            faults.failFor(Duration.ofSeconds(Long.parseLong(query.get("seconds"))),
                    Integer.parseInt(query.get("status")));
        } else if (query.containsKey("status")) {
            faults.failNext(calls, Integer.parseInt(query.get("status")));
        } else if (query.containsKey("delayMillis")) {
            faults.delayNext(calls, Duration.ofMillis(Long.parseLong(query.get("delayMillis"))));
        } else if (Boolean.parseBoolean(query.get("drop"))) {
            faults.dropNext(calls);
        } else if (Boolean.parseBoolean(query.get("loseAnswer"))) {
            faults.loseAnswersOfNext(calls);
        } else {
            throw new IllegalArgumentException("give status, delayMillis or drop=true");
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return parameters;
    }
}
