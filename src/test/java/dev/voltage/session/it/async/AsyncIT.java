package dev.voltage.session.it.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The asynchronous part of a request on a real server: tasks of the default managed executor,
 * of the default {@code ContextService}, JAX-RS {@code CompletionStage} and {@code AsyncResponse},
 * and a task that outlives its request. (Not on Open Liberty yet, whose default executor's tasks
 * get no request context: see the build's Liberty profile.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("async", AsyncResource.class, LateTasks.class, DispatchServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aCompletionStageOfTheManagedExecutorUsesTheRequestsSessionAndLogsItsId() {
        assertTaskSeesSession("stage");
    }

    @Test
    void anAsyncResponseResumedFromAManagedTaskUsesTheRequestsSessionAndLogsItsId() {
        assertTaskSeesSession("suspended");
    }

    @Test
    void aStageWithContextCapturedByTheDefaultContextServiceUsesTheRequestsSession() {
        assertDefaultContextServiceCarriesSession("captured");
    }

    @Test
    void aContextualSupplierOfTheDefaultContextServiceOnAThreadOfItsOwnUsesTheRequestsSession() {
        assertDefaultContextServiceCarriesSession("supplier");
    }

    @Test
    void updatesOfTasksOfConcurrentRequestsAreAtomic() {
        Browser browser = new Browser(base);
        browser.post("api/async/login");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(browser.postAsync("api/async/" + (i % 2 == 0 ? "stage" : "suspended") + "/atomic-" + i));
        }

        List<Integer> counts = calls.stream()
                .map(CompletableFuture::join)
                .peek(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200))
                .map(response -> Integer.valueOf(response.body().split(";")[0]))
                .sorted()
                .toList();

        assertThat(counts).hasSize(20).doesNotHaveDuplicates().contains(1, 20);
        assertThat(browser.get("api/async/value/count").body()).isEqualTo("20");
    }

    @Test
    void aTaskThatOutlivesItsRequestIsRefusedTheSessionWithTheCause() throws InterruptedException {
        Browser browser = new Browser(base);
        browser.post("api/async/login");
        String token = "late-" + UUID.randomUUID();

        assertThat(browser.post("api/async/outlive/" + token).body()).isEqualTo("submitted");
        String outcome = "pending";
        for (long deadline = System.currentTimeMillis() + 30_000;
                outcome.equals("pending") && System.currentTimeMillis() < deadline;
                Thread.sleep(250)) {
            outcome = browser.get("api/async/outcome/" + token).body();
        }

        assertThat(outcome)
                .startsWith("java.lang.IllegalStateException: The HTTP request this task was submitted "
                        + "from has completed, so Session can no longer read or write its session");
        assertThat(browser.get("api/async/value/late").body()).isEqualTo("null");
        assertThat(browser.get("api/async/value/before").body()).isEqualTo(token);
    }

    /**
     * Payara's default {@code ContextService} propagates no third-party context (its default
     * managed executor does): there the task has no request context, as the README says, and
     * {@link AsyncContextServiceIT} shows the alternative.
     */
    private void assertDefaultContextServiceCarriesSession(String kind) {
        if (Server.current() != Server.PAYARA) {
            assertTaskSeesSession(kind);
            return;
        }
        Browser browser = new Browser(base);
        browser.post("api/async/login");

        assertThat(browser.post("api/async/" + kind + "/payara-" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(500);
    }

    private void assertTaskSeesSession(String kind) {
        Browser browser = new Browser(base);
        String logId = browser.post("api/async/login").body();
        String token = kind + "-" + UUID.randomUUID();

        HttpResponse<String> first = browser.post("api/async/" + kind + "/" + token);
        HttpResponse<String> second = browser.post("api/async/" + kind + "/" + token + "-again");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("1;" + logId + ";" + logId);
        assertThat(second.body()).isEqualTo("2;" + logId + ";" + logId);
        assertThat(browser.get("api/async/value/count").body()).isEqualTo("2");
        assertThat(ServerLog.linesContaining(kind + " " + token))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("sessionId=" + logId + " " + kind + " " + token));
    }
}
