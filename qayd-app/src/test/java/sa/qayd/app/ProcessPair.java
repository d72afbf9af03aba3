package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import sa.qayd.platform.secret.MasterKey;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;

/**
 * Two service processes on one PostgreSQL and one Fatoora simulator, as two replicas run; {@code a}
 * and {@code b} call the first and the second. Closed in the reverse order of starting.
 */
public final class ProcessPair implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    public final FatooraSimulator zatca;
    private final ServiceProcess first;
    private final ServiceProcess second;
    public final Api a;
    public final Api b;
    private final String adminToken;

    private ProcessPair(EmbeddedPostgres postgres, FatooraSimulator zatca, ServiceProcess first, ServiceProcess second,
                        String adminToken) {
        this.postgres = postgres;
        this.adminToken = adminToken;
        this.zatca = zatca;
        this.first = first;
        this.second = second;
        this.a = new Api(first.port());
        this.b = new Api(second.port());
    }

    /** Starts both processes with the admin API on {@code adminToken}; ZATCA answers after {@code zatcaLatency}. */
    public static ProcessPair start(String name, Duration zatcaLatency, String adminToken) throws IOException {
        Path logs = Files.createTempDirectory(name);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        FatooraSimulator zatca = FatooraSimulator.start(SimulatorSettings.defaults().withLatency(zatcaLatency));
        String[] shared = {"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "qayd.master-key=" + MasterKey.newBase64(), "qayd.admin.token=" + adminToken,
                "qayd.zatca.sandbox.base-url=" + zatca.baseUri(), "qayd.data-dir="};
        ServiceProcess first = null;
        try {
            first = ServiceProcess.start(logs.resolve("first.log"), ServiceProcess.freePort(), shared);
            ServiceProcess second = ServiceProcess.start(logs.resolve("second.log"), ServiceProcess.freePort(), shared);
            return new ProcessPair(postgres, zatca, first, second, adminToken);
        } catch (RuntimeException failed) {
            try (postgres; zatca; ServiceProcess started = first) {
                throw failed;
            }
        }
    }

    /** The ZATCA work the replica behind {@code replica} has finished since it started. */
    public long settledBy(Api replica) {
        Api.Reply work = replica.send("GET", "/admin/zatca-work", adminToken, null, Map.of());
        assertThat(work.status()).as(work.body().toString()).isEqualTo(200);
        return work.body().path("settled_by_this_replica").asLong();
    }

    @Override
    public void close() throws IOException {
        try (postgres; zatca; first; second) {
            // closed in reverse: the processes, the simulator, then the database
        }
    }
}
