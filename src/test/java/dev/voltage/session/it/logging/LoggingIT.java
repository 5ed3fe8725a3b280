package dev.voltage.session.it.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sessionId in the MDC and in the server's own log lines, and the session events, on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoggingIT {

    private static final String SECRET = "it-secret-for-fingerprints";

    @Deployment(name = "logging", testable = false)
    static WebArchive logging() {
        return war("logging", "voltage.session.secret=" + SECRET);
    }

    @Deployment(name = "raw", testable = false)
    static WebArchive raw() {
        return war("logging-raw", "voltage.session.log.id=raw\nvoltage.session.log.mdc-key=sid");
    }

    @Deployment(name = "none", testable = false)
    static WebArchive none() {
        return war("logging-none", "voltage.session.log.id=none");
    }

    @Deployment(name = "expiry", testable = false)
    static WebArchive expiry() {
        return war("logging-expiry", "voltage.session.timeout=2");
    }

    @ArquillianResource
    @OperateOnDeployment("logging")
    URL loggingUrl;

    @ArquillianResource
    @OperateOnDeployment("raw")
    URL rawUrl;

    @ArquillianResource
    @OperateOnDeployment("none")
    URL noneUrl;

    @ArquillianResource
    @OperateOnDeployment("expiry")
    URL expiryUrl;

    static WebArchive war(String name, String properties) {
        return Deployments.war(name, "mp.config.profile=test\n" + properties, LoggingResource.class, EventLog.class);
    }

    @Test
    void aRequestWithoutSessionLogsNoSessionId() {
        String token = "anonymous-" + UUID.randomUUID();

        assertThat(new Browser(loggingUrl).get("api/logging/probe/" + token).body())
                .isEqualTo("null");
        assertThat(ServerLog.linesContaining("probe " + token))
                .singleElement()
                .asString()
                .contains("sessionId= probe " + token);
    }

    @Test
    void theLogIdIsTheFingerprintOfTheIdNeverTheIdItself() throws Exception {
        Browser browser = new Browser(loggingUrl);
        String[] ids = browser.post("api/logging/login").body().split(";");
        String token = "fingerprint-" + UUID.randomUUID();

        String mdc = browser.get("api/logging/probe/" + token).body();

        assertThat(ids[1]).isEqualTo(hmacSha256Hex(SECRET, ids[0]).substring(0, 16));
        assertThat(mdc).isEqualTo(ids[1]);
        assertThat(ServerLog.linesContaining("probe " + token))
                .singleElement()
                .asString()
                .contains("sessionId=" + ids[1] + " probe " + token)
                .doesNotContain(ids[0]);
    }

    @Test
    void theMdcFollowsTheSessionInsideTheRequestAtOnce() {
        String[] steps =
                new Browser(loggingUrl).post("api/logging/lifecycle").body().split("\\|");

        assertThat(steps).hasSize(5);
        assertThat(steps[0]).as("no session yet").isEqualTo("null=none");
        String created = shownAndReported(steps[1]);
        String regenerated = shownAndReported(steps[2]);
        assertThat(regenerated).isNotEqualTo(created);
        assertThat(steps[3]).as("deleted").isEqualTo("null=none");
        shownAndReported(steps[4]);
        assertThat(ServerLog.linesContaining("step created"))
                .anySatisfy(line -> assertThat(line).contains("sessionId=" + created + " step created"));
    }

    @Test
    void twoHundredRequestsOfTwentyClientsEachLogOnlyTheirOwnFingerprint() throws Exception {
        List<Browser> clients = new ArrayList<>();
        Map<Browser, String> fingerprints = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            Browser client = new Browser(loggingUrl);
            fingerprints.put(client, client.post("api/logging/login").body().split(";")[1]);
            clients.add(client);
        }
        Map<String, String> expectedByToken = new ConcurrentHashMap<>();
        Map<String, String> mdcByToken = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Browser client : clients) {
                done.add(pool.submit(() -> {
                    for (int r = 0; r < 10; r++) {
                        String token = "leak-" + UUID.randomUUID();
                        expectedByToken.put(token, fingerprints.get(client));
                        mdcByToken.put(
                                token, client.get("api/logging/probe/" + token).body());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(mdcByToken).hasSize(200).isEqualTo(expectedByToken);
        List<String> lines = ServerLog.linesContaining("probe leak-");
        expectedByToken.forEach((token, fingerprint) -> assertThat(lines.stream()
                        .filter(line -> line.contains("probe " + token))
                        .toList())
                .as(token)
                .singleElement()
                .asString()
                .contains("sessionId=" + fingerprint + " probe " + token));
    }

    @Test
    void logIdRawAndACustomKeyPutTheRawIdUnderThatKey() {
        Browser browser = new Browser(rawUrl);
        String[] ids = browser.post("api/logging/login").body().split(";");

        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(browser.get("api/logging/probe/raw?key=sid").body()).isEqualTo(ids[0]);
        assertThat(browser.get("api/logging/probe/raw?key=sessionId").body()).isEqualTo("null");
    }

    @Test
    void logIdNoneKeepsTheIdOutOfTheMdc() {
        Browser browser = new Browser(noneUrl);
        String[] ids = browser.post("api/logging/login").body().split(";");

        assertThat(browser.get("api/logging/probe/none").body()).isEqualTo("null");
        assertThat(ids[1]).hasSize(16).isNotEqualTo(ids[0]);
    }

    @Test
    void eachChangeFiresOneEventWithLogIds() {
        String[] ids = new Browser(loggingUrl)
                .post("api/logging/login-regenerate-logout")
                .body()
                .split("\\|");
        String first = ids[0];
        String second = ids[1];
        Browser reader = new Browser(loggingUrl);

        assertThat(reader.get("api/logging/events/" + first).body())
                .isEqualTo("created:" + first + ",changed:" + first + ">" + second);
        assertThat(reader.get("api/logging/events/" + second).body())
                .isEqualTo("changed:" + first + ">" + second + ",destroyed:" + second + ":DELETED");
    }

    @Test
    void aSessionThatTimesOutFiresSessionDestroyedExpired() throws InterruptedException {
        Browser browser = new Browser(expiryUrl);
        String logId = browser.post("api/logging/login").body().split(";")[1];

        // Idle past the 2-second timeout, then the client comes back with its cookie: containers
        // that expire sessions lazily (Payara, GlassFish) notice the timeout on that request,
        // the others have done it on a timer already.
        Thread.sleep(3000);
        String events = "";
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; ) {
            events = browser.get("api/logging/events/" + logId).body();
            if (events.contains("destroyed")) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(events).isEqualTo("created:" + logId + ",destroyed:" + logId + ":EXPIRED");
    }

    private static String shownAndReported(String step) {
        String[] mdcAndLogId = step.split("=");
        assertThat(mdcAndLogId[0])
                .as("MDC and Session.logId() agree")
                .isEqualTo(mdcAndLogId[1])
                .hasSize(16);
        return mdcAndLogId[0];
    }

    private static String hmacSha256Hex(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
