package dev.voltage.session.it.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code ContextService} of the application's own definition, and a managed executor that uses
 * it, carry the session on every server: the alternative where the server's defaults do not
 * (Open Liberty's default executor and {@code ContextService}, Payara's default
 * {@code ContextService}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncContextServiceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("async-defined", DefinedContextResource.class, SessionCounter.class, LateTasks.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aContextualSupplierOfADefinedContextServiceUsesTheRequestsSessionAndLogsItsId() {
        assertTaskSeesSession("supplier", "defined");
    }

    @Test
    void aCompletionStageOfADefinedManagedExecutorUsesTheRequestsSessionAndLogsItsId() {
        assertTaskSeesSession("stage", "executor");
    }

    @Test
    void aTaskOfADefinedManagedExecutorThatOutlivesItsRequestIsRefusedTheSessionWithTheCause()
            throws InterruptedException {
        Browser browser = new Browser(base);
        browser.post("api/defined/login");
        String token = "late-" + UUID.randomUUID();

        assertThat(browser.post("api/defined/outlive/" + token).body()).isEqualTo("submitted");
        String outcome = "pending";
        for (long deadline = System.currentTimeMillis() + 30_000;
                outcome.equals("pending") && System.currentTimeMillis() < deadline;
                Thread.sleep(250)) {
            outcome = browser.get("api/defined/outcome/" + token).body();
        }

        assertThat(outcome)
                .startsWith("java.lang.IllegalStateException: The HTTP request this task was submitted "
                        + "from has completed, so Session can no longer read or write its session");
        assertThat(browser.get("api/defined/value/late").body()).isEqualTo("null");
        assertThat(browser.get("api/defined/value/before").body()).isEqualTo(token);
    }

    private void assertTaskSeesSession(String path, String logged) {
        Browser browser = new Browser(base);
        String logId = browser.post("api/defined/login").body();
        String token = path + "-" + UUID.randomUUID();

        HttpResponse<String> first = browser.post("api/defined/" + path + "/" + token);
        HttpResponse<String> second = browser.post("api/defined/" + path + "/" + token + "-again");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("1;" + logId + ";" + logId);
        assertThat(second.body()).isEqualTo("2;" + logId + ";" + logId);
        assertThat(ServerLog.linesContaining(logged + " " + token))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("sessionId=" + logId + " " + logged + " " + token));
    }
}
