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

/** A {@code ContextService} of the application's own definition carries the session, on every server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AsyncContextServiceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("async-defined", DefinedContextResource.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aContextualSupplierOfADefinedContextServiceUsesTheRequestsSessionAndLogsItsId() {
        Browser browser = new Browser(base);
        String logId = browser.post("api/defined/login").body();
        String token = "defined-" + UUID.randomUUID();

        HttpResponse<String> first = browser.post("api/defined/supplier/" + token);
        HttpResponse<String> second = browser.post("api/defined/supplier/" + token + "-again");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("1;" + logId + ";" + logId);
        assertThat(second.body()).isEqualTo("2;" + logId + ";" + logId);
        assertThat(ServerLog.linesContaining("defined " + token))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("sessionId=" + logId + " defined " + token));
    }
}
