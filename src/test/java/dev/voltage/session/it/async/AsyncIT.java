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
 * and a task that outlives its request.
 *
 * <p>Open Liberty's default executor and {@code ContextService} never capture third-party context
 * (only an application's own {@code @ContextServiceDefinition} propagates it there): their tasks
 * have no request, {@code Session} fails in them with Weld's {@code WELD-001303} and writes
 * nothing; {@link AsyncContextServiceIT} shows the alternative working there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "async", AsyncResource.class, SessionCounter.class, LateTasks.class, DispatchServlet.class);
    }

    /**
     * Whether this server's default executor and {@code ContextService} never capture third-party
     * context (Open Liberty): their tasks run without the request and without a CDI request
     * context, so {@code Session} there fails with Weld's {@code WELD-001303} and writes nothing.
     */
    private static final boolean DEFAULTS_LEAVE_OUT = Server.current() == Server.LIBERTY;

    /**
     * Whether this server may drop third-party context from a task submitted while another request
     * submits one (Payara 6.2025.9): its {@code ContextSetupProviderImpl.saveContext} refills one
     * shared map of providers on every capture, so a capture that reads it mid-refill logs "Thread
     * context provider 'VoltageSession' is not registered ... and will be ignored!" and its task
     * runs without the request, as on Open Liberty. Later Payara code caches the providers per
     * class loader instead; 6.2025.9 is the newest Payara on Maven Central.
     */
    private static final boolean CONCURRENT_CAPTURES_MAY_DROP = Server.current() == Server.PAYARA;

    /** Weld's message for a request-scoped bean used where no request context is active. */
    private static final String NO_REQUEST_CONTEXT = "WELD-001303";

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

        List<HttpResponse<String>> responses =
                calls.stream().map(CompletableFuture::join).toList();
        responses.forEach(response ->
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        if (DEFAULTS_LEAVE_OUT) {
            assertThat(responses)
                    .allSatisfy(response -> assertThat(response.body()).contains(NO_REQUEST_CONTEXT));
            assertThat(browser.get("api/async/value/count").body()).isEqualTo("null");
            return;
        }
        List<HttpResponse<String>> counted = responses;
        if (CONCURRENT_CAPTURES_MAY_DROP) {
            counted = responses.stream()
                    .filter(response -> !response.body().contains(NO_REQUEST_CONTEXT))
                    .toList();
            assertThat(counted.size()).as("tasks that ran with their request").isGreaterThanOrEqualTo(15);
        }
        List<Integer> counts = counted.stream()
                .map(response -> Integer.valueOf(response.body().split(";")[0]))
                .sorted()
                .toList();

        assertThat(counts).hasSize(counted.size()).doesNotHaveDuplicates().contains(1, counted.size());
        assertThat(browser.get("api/async/value/count").body()).isEqualTo(String.valueOf(counted.size()));
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
                .startsWith(
                        DEFAULTS_LEAVE_OUT
                                ? "org.jboss.weld.contexts.ContextNotActiveException: " + NO_REQUEST_CONTEXT
                                : "java.lang.IllegalStateException: The HTTP request this task was submitted "
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

        HttpResponse<String> response = browser.post("api/async/" + kind + "/payara-" + UUID.randomUUID());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(NO_REQUEST_CONTEXT);
        assertThat(browser.get("api/async/value/count").body()).isEqualTo("null");
    }

    private void assertTaskSeesSession(String kind) {
        if (DEFAULTS_LEAVE_OUT) {
            assertTaskIsRefusedTheSession(kind);
            return;
        }
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

    /**
     * Where the server's defaults leave the session's context out (Open Liberty), the task has no
     * request: {@code Session} fails there with CDI's own exception and writes nothing.
     */
    private void assertTaskIsRefusedTheSession(String kind) {
        Browser browser = new Browser(base);
        browser.post("api/async/login");

        HttpResponse<String> response = browser.post("api/async/" + kind + "/left-out-" + UUID.randomUUID());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(NO_REQUEST_CONTEXT);
        assertThat(browser.get("api/async/value/count").body()).isEqualTo("null");
        assertThat(browser.get("api/async/value/user").body()).isEqualTo("ada");
    }
}
