package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a machine with two CPUs, an asynchronous completion without an executor (as the JDK's HTTP client
 * completes every answer from ZATCA) must run on the common pool, not on a thread started for it.
 * Runs in a JVM of its own that believes it has two CPUs, because the setting only counts before the
 * common pool is first used.
 */
class CommonPoolTest {

    @Test
    void asyncCompletionsRunOnPoolThreadsOnTwoCpus() throws Exception {
        assertThat(probe(true)).as("with Qayd's start-up setting").startsWith("ForkJoinPool");
        assertThat(probe(false)).as("the JDK's own choice, which the setting is there for")
                .isEqualTo("ThreadPerTaskExecutor");
    }

    private static String probe(boolean qaydStartUp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:ActiveProcessorCount=2", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), Boolean.toString(qaydStartUp))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Prints the simple name of the executor that runs asynchronous completions without one of their own. */
    public static final class Probe {
        public static void main(String[] args) {
            if (Boolean.parseBoolean(args[0])) {
                QaydApplication.keepCommonPoolForAsyncCompletions();
            }
            System.out.println(new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName());
        }
    }
}
