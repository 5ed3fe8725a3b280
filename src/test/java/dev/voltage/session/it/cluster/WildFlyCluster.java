package dev.voltage.session.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two WildFly nodes of one cluster, started for a test class: the same unpacked {@code wildfly-dist},
 * a copy of {@code standalone/} each under {@code target/cluster/}, {@code standalone-ha.xml} with
 * JGroups over TCP on loopback (TCPPING, no multicast), port offsets 100 and 200, and one WAR
 * deployed to both. A node can be killed as a crash would ({@code kill -9}).
 */
public final class WildFlyCluster implements BeforeAllCallback, AfterAllCallback {

    private static final int[] OFFSETS = {100, 200};
    private static final int JGROUPS_TCP_PORT = 7600;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final WebArchive deployment;
    private final List<Node> nodes = new ArrayList<>();
    private Path home;

    /**
     * @param deployment the WAR both nodes run; its name is its context path
     */
    public WildFlyCluster(WebArchive deployment) {
        this.deployment = deployment;
    }

    /** One node: its process (the server's JVM) and its address. */
    public record Node(String name, Process launcher, long serverPid, URL url, Path baseDir) {

        /**
         * Kills the server's JVM at once, as a crash or {@code kill -9} does: SIGKILL from this
         * process, with no {@code kill} command to start first.
         */
        public void crash() {
            ProcessHandle.of(serverPid).ifPresent(server -> {
                server.destroyForcibly();
                server.onExit().join();
            });
        }

        boolean alive() {
            return ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /**
     * Chooses the WAR's replication granularity through WildFly's {@code WEB-INF/distributable-web.xml}.
     *
     * @param war a distributable WAR
     * @param granularity {@code SESSION} or {@code ATTRIBUTE}
     * @return the same WAR
     */
    public static WebArchive granularity(WebArchive war, String granularity) {
        return war.addAsWebInfResource(new StringAsset("""
                        <distributable-web xmlns="urn:jboss:distributable-web:5.0">
                            <infinispan-session-management cache-container="web" granularity="%s">
                                <primary-owner-affinity/>
                            </infinispan-session-management>
                        </distributable-web>
                        """.formatted(granularity)), "distributable-web.xml");
    }

    /**
     * @param index 0 or 1
     * @return the node
     */
    public Node node(int index) {
        return nodes.get(index);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Path.of(System.getProperty("wildfly.home"));
        Path root = Path.of(System.getProperty("cluster.dir", "target/cluster"));
        String initialHosts = String.join(
                ",",
                Stream.of(OFFSETS[0], OFFSETS[1])
                        .map(offset -> "127.0.0.1[" + (JGROUPS_TCP_PORT + offset) + "]")
                        .toList());
        for (int i = 0; i < OFFSETS.length; i++) {
            String name = "node" + (i + 1);
            Path base = root.resolve(name).toAbsolutePath();
            prepare(home, base, initialHosts);
            nodes.add(start(home, base, name, OFFSETS[i]));
        }
        for (Node node : nodes) {
            awaitDeployment(node);
        }
        awaitReplication();
    }

    /**
     * Starts a crashed node again from its own directory, with the WAR it had, and waits until it
     * serves it and the two nodes form one cluster again.
     *
     * @param index 0 or 1
     * @return the node's new process
     */
    public Node restart(int index) throws Exception {
        Node crashed = nodes.get(index);
        if (crashed.alive()) {
            throw new IllegalStateException(crashed.name() + " is running; crash it first");
        }
        crashed.launcher().waitFor();
        Files.deleteIfExists(crashed.baseDir().resolve("server.pid"));
        Node node = start(home, crashed.baseDir(), crashed.name(), OFFSETS[index]);
        nodes.set(index, node);
        awaitDeployment(node);
        awaitReplication();
        return node;
    }

    /** Waits until a session written on one node reads on the other: the two nodes formed one cluster. */
    private void awaitReplication() throws Exception {
        String context = deployment.getName().replaceFirst("\\.war$", "");
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        client.send(
                HttpRequest.newBuilder(URI.create(nodes.get(0).url() + context + "/api/session/value/probe"))
                        .PUT(HttpRequest.BodyPublishers.ofString("replicated"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> read = client.send(
                    HttpRequest.newBuilder(URI.create(nodes.get(1).url() + context + "/api/session/value/probe"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if ("replicated".equals(read.body())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The nodes did not form one cluster within " + START_TIMEOUT
                + "; see target/cluster/node*/log/server.log");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (Node node : nodes) {
            if (node.alive()) {
                ProcessHandle.of(node.serverPid()).ifPresent(ProcessHandle::destroy); // SIGTERM: a clean stop
            }
        }
        for (Node node : nodes) {
            ProcessHandle.of(node.serverPid()).ifPresent(p -> p.onExit().join());
            node.launcher().waitFor();
        }
    }

    private void prepare(Path home, Path base, String initialHosts) throws IOException {
        deleteRecursively(base);
        copyRecursively(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Path config = base.resolve("configuration/standalone-ha.xml");
        String xml = Files.readString(config);
        xml = replaceOnce(
                xml,
                "<channel name=\"ee\" stack=\"udp\" cluster=\"ejb\"/>",
                "<channel name=\"ee\" stack=\"tcp\" cluster=\"ejb\"/>");
        xml = replaceOnce(
                xml,
                "<socket-protocol type=\"MPING\" socket-binding=\"jgroups-mping\"/>\n"
                        + "                    <protocol type=\"MERGE3\"/>",
                "<protocol type=\"TCPPING\">\n"
                        + "                        <property name=\"initial_hosts\">" + initialHosts + "</property>\n"
                        + "                        <property name=\"port_range\">0</property>\n"
                        + "                    </protocol>\n"
                        + "                    <protocol type=\"MERGE3\"/>\n"
                        + "                    <socket-protocol type=\"FD_SOCK2\" socket-binding=\"jgroups-udp-fd\"/>");
        // no mod_cluster advertisement: its multicast socket would listen beyond loopback, and no balancer is here
        xml = replaceOnce(
                xml,
                "<proxy name=\"default\" advertise-socket=\"modcluster\" listener=\"ajp\">",
                "<proxy name=\"default\" listener=\"ajp\">");
        Files.writeString(config, xml);
        deployment
                .as(ZipExporter.class)
                .exportTo(base.resolve("deployments/" + deployment.getName()).toFile(), true);
    }

    private static Node start(Path home, Path base, String name, int offset) throws IOException, InterruptedException {
        Path pidFile = base.resolve("server.pid");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        "standalone-ha.xml",
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.node.name=" + name,
                        "-Djboss.socket.binding.port-offset=" + offset,
                        "-Djboss.bind.address=127.0.0.1",
                        "-Djboss.bind.address.private=127.0.0.1",
                        "-Djboss.bind.address.management=127.0.0.1",
                        "-Djava.net.preferIPv4Stack=true",
                        "-Dmp.config.profile=test")
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
        Process launcher = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            if (System.nanoTime() > deadline || !launcher.isAlive()) {
                throw new IllegalStateException(name + " did not start; see " + base.resolve("console.log"));
            }
            Thread.sleep(100);
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return new Node(name, launcher, pid, new URL("http://127.0.0.1:" + (8080 + offset) + "/"), base);
    }

    private void awaitDeployment(Node node) throws Exception {
        String context = deployment.getName().replaceFirst("\\.war$", "");
        Path deployed = node.baseDir().resolve("deployments/" + deployment.getName() + ".deployed");
        Path failed = node.baseDir().resolve("deployments/" + deployment.getName() + ".failed");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(failed)) {
                throw new IllegalStateException(node.name() + " failed to deploy: " + Files.readString(failed));
            }
            if (Files.exists(deployed)) {
                try {
                    HttpRequest probe = HttpRequest.newBuilder(URI.create(node.url() + context + "/api/session/facts"))
                            .build();
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(node.name() + " did not deploy " + deployment.getName() + " within "
                + START_TIMEOUT + "; see " + node.baseDir().resolve("log/server.log"));
    }

    private static String replaceOnce(String text, String token, String replacement) {
        if (!text.contains(token)) {
            throw new IllegalStateException("standalone-ha.xml has no '" + token + "': the WildFly version changed?");
        }
        return text.replace(token, replacement);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
