package sa.qayd.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test against the whole service on a random port, driven over real HTTP like an integrator. */
public abstract class ServiceTest {
    @LocalServerPort
    protected int port;

    protected Api api;
    protected Tenants tenants;

    @BeforeEach
    void connect() {
        api = new Api(port);
        tenants = new Tenants(api);
    }
}
