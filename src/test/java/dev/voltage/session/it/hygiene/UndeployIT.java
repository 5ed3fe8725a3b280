package dev.voltage.session.it.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that used sessions on many of the server's threads leaves nothing of the
 * library's behind when it is undeployed: the server's own log (where Payara and GlassFish report
 * every value an application left on their threads) names no class of the library's and never
 * holds the fingerprint secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final String SECRET = "undeploy-secret-7f3a9c";

    /** A class of the library's: the API and its machinery, not these tests' own classes. */
    private static final Pattern LIBRARY_CLASS = Pattern.compile("dev\\.voltage\\.session\\.(?!it\\.)");

    /** A frame of a stack trace that some log line printed, where the library may well appear. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at ");

    /** The library's own log lines, which WildFly writes into its server log with their category. */
    private static final Pattern LIBRARY_LOGGER = Pattern.compile("\\[dev\\.voltage\\.session\\.[\\w.$]+\\] \\(");

    @Deployment(name = "undeployed", managed = false, testable = false)
    static WebArchive undeployed() {
        return Deployments.war(
                "undeployed", "mp.config.profile=test\nvoltage.session.secret=" + SECRET, HygieneServlet.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void afterAnUndeployTheServerLogNamesNoClassOfTheLibraryAndNeverTheSecret() throws Exception {
        Path log = Server.current().containerLog();
        long before = Files.exists(log) ? Files.size(log) : 0;
        deployer.deploy("undeployed");
        try {
            useSessionsOnManyThreads();
        } finally {
            deployer.undeploy("undeployed");
        }

        String written = settled(log, before);
        String hexSecret = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(written.lines()
                        .filter(line -> line.contains(SECRET)
                                || line.toLowerCase().contains(hexSecret)
                                || !STACK_FRAME.matcher(line).find()
                                        && LIBRARY_CLASS
                                                .matcher(LIBRARY_LOGGER
                                                        .matcher(line)
                                                        .replaceFirst(""))
                                                .find())
                        .toList())
                .as("lines of the server's log written during the deployment's life")
                .isEmpty();
    }

    private void useSessionsOnManyThreads() throws Exception {
        URL base = URI.create("http://127.0.0.1:8080/undeployed/").toURL(); // every test server listens there
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reads.add(clients.submit(() -> {
                    Browser browser = new Browser(base);
                    browser.get("hygiene/login");
                    return browser.get("hygiene/read").body();
                }));
            }
            for (Future<String> read : reads) {
                assertThat(read.get()).isEqualTo("ada");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** What the log gained since an offset, once it has stopped growing (servers write it from a queue). */
    private static String settled(Path log, long offset) throws IOException, InterruptedException {
        long size = -1;
        for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; ) {
            Thread.sleep(1000);
            long now = Files.size(log);
            if (now == size) {
                break;
            }
            size = now;
        }
        byte[] all = Files.readAllBytes(log);
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }
}
