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

/** A servlet's async dispatch ({@code AsyncContext.dispatch()}) on a real server: {@code Session} and the log id work there. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncDispatchIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "async-dispatch", AsyncResource.class, SessionCounter.class, LateTasks.class, DispatchServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theAsyncDispatchOfAServletUsesTheSessionAndLogsItsId() {
        assertDispatchSeesSession("");
    }

    @Test
    void anAsyncDispatchFromAContainerTaskUsesTheSessionAndLogsItsId() {
        assertDispatchSeesSession("?fromTask=true");
    }

    private void assertDispatchSeesSession(String query) {
        Browser browser = new Browser(base);
        String logId = browser.post("api/async/login").body();
        String token = "dispatch-" + UUID.randomUUID();

        HttpResponse<String> first = browser.get("dispatch/" + token + query);
        HttpResponse<String> second = browser.get("dispatch/" + token + "-again" + query);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("1;" + logId + ";" + logId);
        assertThat(second.body()).isEqualTo("2;" + logId + ";" + logId);
        assertThat(ServerLog.linesContaining("dispatched " + token))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("sessionId=" + logId + " dispatched " + token));
    }
}
