package dev.voltage.session.it.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An observer of the session events that throws fails neither the request nor the container's
 * expiry: the library logs it with the session's log id, never the raw id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObserversIT {

    @Deployment(testable = false)
    static WebArchive throwingObservers() {
        return Deployments.war(
                "observers",
                "mp.config.profile=test\nvoltage.session.timeout=2",
                HygieneServlet.class,
                ThrowingObservers.class);
    }

    @ArquillianResource
    URL url;

    @Test
    void aThrowingObserverOfSessionCreatedAndIdChangedFailsNoRequest() {
        Browser browser = new Browser(url);

        HttpResponse<String> login = browser.get("hygiene/login");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String[] created = login.body().split(";");
        HttpResponse<String> regenerate = browser.get("hygiene/regenerate");
        assertThat(regenerate.statusCode()).as(regenerate.body()).isEqualTo(200);
        String[] changed = regenerate.body().split(";");

        assertThat(browser.get("hygiene/read").body()).isEqualTo("ada");
        assertThat(failureLines("SessionCreated", created[1])).hasSize(1);
        assertThat(failureLines("SessionIdChanged", changed[1])).hasSize(1);
        assertThat(ServerLog.linesContaining(created[0])).as("the raw id").isEmpty();
        assertThat(ServerLog.linesContaining(changed[0])).as("the raw id").isEmpty();
    }

    @Test
    void aThrowingObserverOfSessionDestroyedFailsNeitherTheExpiryNorTheRequestThatFindsIt() throws Exception {
        Browser browser = new Browser(url);
        String[] created = browser.get("hygiene/login").body().split(";");

        // Idle past the 2-second timeout; containers that expire lazily (Payara, GlassFish) do it
        // on the next request of the client, the others on a timer of theirs.
        Thread.sleep(3000);
        List<String> destroyed = List.of();
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; ) {
            HttpResponse<String> read = browser.get("hygiene/read");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("null");
            destroyed = failureLines("SessionDestroyed", created[1]);
            if (!destroyed.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(destroyed).hasSize(1);
        assertThat(ServerLog.linesContaining(created[0])).as("the raw id").isEmpty();
    }

    private static List<String> failureLines(String event, String logId) {
        return ServerLog.linesContaining(
                "An observer of " + event + " for the session with log id " + logId + " threw");
    }
}
