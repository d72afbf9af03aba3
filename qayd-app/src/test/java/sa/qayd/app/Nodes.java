package sa.qayd.app;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts whole Qayd service processes (contexts) on loopback, as separate replicas would run. */
final class Nodes {
    private Nodes() {
    }

    static ConfigurableApplicationContext start(String... properties) {
        // command-line arguments, so they win over application.yml as they would in a real start
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(QaydApplication.class).run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
