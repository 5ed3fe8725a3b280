package dev.voltage.session.it.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jar registers its listeners and its filter by itself: in a WAR whose web.xml is
 * {@code metadata-complete} (no annotation scanning) {@code Session}, its cookie, the MDC and the
 * events work, and the library's filter runs before the application's own filters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {

    private static final String PROPERTIES = "mp.config.profile=test\nvoltage.session.timeout=1234\n"
            + "voltage.session.rolling=true\nvoltage.session.secret=registration-secret";

    @Deployment(name = "complete", testable = false)
    static WebArchive metadataComplete() {
        return war("registration-complete", true);
    }

    @Deployment(name = "ordered", testable = false)
    static WebArchive withAnApplicationFilter() {
        return war("registration-ordered", false);
    }

    @ArquillianResource
    @OperateOnDeployment("complete")
    URL completeUrl;

    @ArquillianResource
    @OperateOnDeployment("ordered")
    URL orderedUrl;

    @Test
    void inAMetadataCompleteWarSessionWorks() {
        Browser browser = new Browser(completeUrl);

        HttpResponse<String> login = browser.get("session/login");

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String[] answer = login.body().split(";");
        // the cookie carries the id, with what the container adds (WildFly's route, Liberty's cache id and clone id)
        assertThat(browser.sessionCookie().orElseThrow()).contains(answer[0]);
        assertThat(answer[2])
                .as("the configured timeout, applied by the library's listeners")
                .isEqualTo("1234");
        assertThat(browser.get("session/read").body()).isEqualTo("ada;" + answer[1]);
    }

    @Test
    void inAMetadataCompleteWarTheCookieCarriesSameSite() {
        HttpResponse<String> login = new Browser(completeUrl).get("session/login");

        assertThat(Browser.sessionSetCookies(login)).singleElement().asString().containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void inAMetadataCompleteWarTheLogIdIsInTheMdcAndTheEventsFire() {
        Browser browser = new Browser(completeUrl);
        String logId = browser.get("session/login").body().split(";")[1];
        String token = "complete-" + UUID.randomUUID();

        assertThat(browser.get("session/read?token=" + token).body()).isEqualTo("ada;" + logId);
        assertThat(ServerLog.linesContaining("registration " + token))
                .singleElement()
                .asString()
                .contains("sessionId=" + logId + " registration " + token);
        assertThat(browser.get("session/events?logId=" + logId).body()).startsWith("created:" + logId + ";");
    }

    @Test
    void theLibrarysFilterRunsBeforeAnApplicationFilterThatCommitsEarly() {
        Browser browser = new Browser(orderedUrl);
        String id = browser.get("session/login").body().split(";")[0];

        HttpResponse<String> early = browser.get("early/read");

        assertThat(early.body()).startsWith("committed early;ada;");
        assertThat(Browser.sessionSetCookies(early))
                .as("rolling sends the cookie again before the application commits")
                .singleElement()
                .asString()
                .startsWith(Browser.SESSION_COOKIE + "=")
                .contains(id);
    }

    private static WebArchive war(String name, boolean metadataComplete) {
        return Deployments.war(
                        name, PROPERTIES, SessionServlet.class, RegistrationEvents.class, EarlyCommitFilter.class)
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="%s">
                            <filter>
                                <filter-name>early-commit</filter-name>
                                <filter-class>%s</filter-class>
                            </filter>
                            <filter-mapping>
                                <filter-name>early-commit</filter-name>
                                <url-pattern>/early/*</url-pattern>
                            </filter-mapping>
                            <servlet>
                                <servlet-name>session</servlet-name>
                                <servlet-class>%s</servlet-class>
                            </servlet>
                            <servlet-mapping>
                                <servlet-name>session</servlet-name>
                                <url-pattern>/session/*</url-pattern>
                                <url-pattern>/early/*</url-pattern>
                            </servlet-mapping>
                        </web-app>
                        """.formatted(
                                metadataComplete, EarlyCommitFilter.class.getName(), SessionServlet.class.getName())));
    }
}
