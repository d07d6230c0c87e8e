package dev.hybriddb.testing;

import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** Testcontainers fallback, for machines with a Docker engine and no services in the environment. */
final class Containers {
    private static final int PG_PORT = 5432;
    private static final int FALKOR_PORT = 6379;

    private Containers() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives for the JVM; Ryuk removes it
    static PostgresService postgres() {
        GenericContainer<?> pg = new GenericContainer<>(new ImageFromDockerfile("hybriddb-postgres-test", false)
                .withFileFromClasspath("Dockerfile", "hybriddb-docker/postgres/Dockerfile")
                .withFileFromClasspath("init.sql", "hybriddb-docker/postgres/init.sql"))
                .withEnv("POSTGRES_PASSWORD", "hybriddb_super")
                .withExposedPorts(PG_PORT)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        pg.start();
        String url = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(PG_PORT) + "/hybriddb";
        return new PostgresService(url, "hybriddb", "hybriddb", "hybriddb_app", "hybriddb_app");
    }

    @SuppressWarnings("resource")
    static FalkorService falkor() {
        GenericContainer<?> f = new GenericContainer<>("falkordb/falkordb:v4.10.3")
                .withExposedPorts(FALKOR_PORT)
                .waitingFor(Wait.forListeningPort());
        f.start();
        FalkorService.Controller controller = new FalkorService.Controller() {
            @Override
            public void kill9() { f.getDockerClient().killContainerCmd(f.getContainerId()).withSignal("KILL").exec(); }

            @Override
            public void start() { f.getDockerClient().startContainerCmd(f.getContainerId()).exec(); }

            @Override
            public void stop() { f.getDockerClient().stopContainerCmd(f.getContainerId()).exec(); }
        };
        return new FalkorService(f.getHost(), f.getMappedPort(FALKOR_PORT), controller);
    }

}
