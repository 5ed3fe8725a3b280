package dev.voltage.session.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for the tests' cluster: Debian's {@code postgresql} package (its
 * {@code initdb} and {@code pg_ctl}), in a fresh data directory, on loopback and a port of its
 * own, stopped and deleted after the tests. As root (containers, CI), it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback {

    /** The database and user the tests' data source connects as. */
    public static final String DATABASE = "voltage";

    private final int port;
    private Path dataDir;

    /**
     * @param port the port to listen on (loopback only)
     */
    public Postgres(int port) {
        this.port = port;
    }

    /** @return the JDBC URL of the database */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + DATABASE;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path bin = binaries();
        dataDir = Files.createTempDirectory("voltage-postgres-");
        asOwner(dataDir);
        run(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust", "-U", DATABASE, "-E", "UTF8");
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                dataDir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1",
                "start");
        run(
                bin.resolve("createdb").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                DATABASE,
                DATABASE);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dataDir == null) {
            return;
        }
        try {
            run(binaries().resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed: the cluster test needs Debian's postgresql "
                    + "package (apt-get install postgresql), which .ci/run installs.");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.max(Comparator.comparing(
                            p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL version under " + root))
                    .resolve("bin");
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asOwner(Path dir) throws IOException, InterruptedException {
        if (root()) {
            new ProcessBuilder("chown", "postgres:postgres", dir.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
    }
}
