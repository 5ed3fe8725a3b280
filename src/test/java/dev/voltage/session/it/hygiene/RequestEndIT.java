package dev.voltage.session.it.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a request leaves behind when it ends: a thread that started an asynchronous request keeps
 * no session log id for the next request it serves, and a response that ends in an exception
 * still carries the session cookie with its {@code SameSite}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestEndIT {

    @Deployment(testable = false)
    static WebArchive requestEnd() {
        return Deployments.war("request-end", HygieneServlet.class, MdcProbeListener.class)
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                            <listener>
                                <listener-class>%s</listener-class>
                            </listener>
                        </web-app>
                        """.formatted(MdcProbeListener.class.getName())));
    }

    @ArquillianResource
    URL url;

    @Test
    void theThreadThatStartedAnAsynchronousRequestServesTheNextOneWithoutItsLogId() {
        Set<String> asyncThreads = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> async = new Browser(url).get("hygiene/async");
            assertThat(async.statusCode()).as(async.body()).isEqualTo(200);
            asyncThreads.add(async.body().split(";")[0]);
        }
        Browser anonymous = new Browser(url);
        List<String> probesOnThoseThreads = new ArrayList<>();
        for (int i = 0; i < 100 && probesOnThoseThreads.size() < 10; i++) {
            String probe = anonymous.get("hygiene/probe").body();
            if (asyncThreads.contains(probe.split(";")[0])) {
                probesOnThoseThreads.add(probe);
            }
        }

        assertThat(probesOnThoseThreads)
                .as("requests served by a thread that started an asynchronous one")
                .isNotEmpty()
                .allSatisfy(probe -> assertThat(probe)
                        .as("thread;MDC on arrival;MDC in the servlet")
                        .endsWith(";null;null"));
    }

    @Test
    void aResponseThatEndsInAnExceptionCarriesTheSessionCookieWithSameSite() {
        HttpResponse<String> failed = new Browser(url).get("hygiene/fail");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(Browser.sessionSetCookies(failed))
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
    }
}
