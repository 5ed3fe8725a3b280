package dev.voltage.session.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.logging.EventLog;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The absolute timeout ({@code voltage.session.absolute-timeout=4}) on a real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifetimeIT {

    private static final long ABSOLUTE_SECONDS = 4;

    @Deployment(testable = false)
    static WebArchive lifetime() {
        return Deployments.war(
                "lifetime",
                "mp.config.profile=test\nvoltage.session.absolute-timeout=" + ABSOLUTE_SECONDS,
                UsersResource.class,
                Me.class,
                EventLog.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void anActiveSessionEndsAtItsFirstRequestPastTheAbsoluteTimeout() throws InterruptedException {
        Browser browser = new Browser(base);
        Me created = Me.of(browser.post("api/users/login/ada"));
        long start = System.currentTimeMillis();

        HttpResponse<String> ended = null;
        while (System.currentTimeMillis() - start < 20_000) {
            Thread.sleep(300);
            HttpResponse<String> response = browser.get("api/users/me");
            if (!Me.of(response).exists()) {
                ended = response;
                break;
            }
        }

        assertThat(ended).as("the session ended").isNotNull();
        assertThat(System.currentTimeMillis() - start)
                .as("however active, it ended after about %s s", ABSOLUTE_SECONDS)
                .isGreaterThanOrEqualTo((ABSOLUTE_SECONDS - 1) * 1000)
                .isLessThan((ABSOLUTE_SECONDS + 5) * 1000);
        UsersIT.assertClearsCookie(ended);
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(eventually(created.logId()))
                .endsWith("destroyed:" + created.logId() + ":ABSOLUTE_TIMEOUT")
                .containsOnlyOnce("destroyed");
    }

    @Test
    void loginAndRegenerateDoNotRestartTheLifetime() throws InterruptedException {
        Browser browser = new Browser(base);
        browser.post("api/users/cart/book");
        Thread.sleep(1500);
        browser.post("api/users/regenerate");
        Thread.sleep(1000);
        Me loggedIn = Me.of(browser.post("api/users/login/ada"));
        assertThat(Long.parseLong(loggedIn.secondsToExpiry()))
                .as("expiresAt counts from the creation")
                .isLessThanOrEqualTo(ABSOLUTE_SECONDS - 2);

        Thread.sleep(2500); // about 5 s after the creation, 2.5 s after the login

        Me after = Me.of(browser.get("api/users/me"));
        assertThat(after.exists()).isFalse();
        assertThat(eventually(loggedIn.logId())).endsWith(":ABSOLUTE_TIMEOUT").containsOnlyOnce("destroyed");
    }

    @Test
    void aSessionThatGetsNoMoreRequestsEndsByItsDeadline() throws InterruptedException {
        Browser browser = new Browser(base);
        Me created = Me.of(browser.post("api/users/cart/book"));

        assertThat(Long.parseLong(created.maxInactiveSeconds()))
                .as("the container's inactivity timeout is kept within the lifetime left")
                .isBetween(1L, ABSOLUTE_SECONDS);
        assertThat(Long.parseLong(created.secondsToExpiry())).isBetween(ABSOLUTE_SECONDS - 2, ABSOLUTE_SECONDS);

        Thread.sleep((ABSOLUTE_SECONDS + 1) * 1000);
        if (Server.current() == Server.WILDFLY || Server.current() == Server.LIBERTY) {
            // these expire sessions on a timer: the end comes without any request of the session
            assertThat(eventually(created.logId())).endsWith("destroyed:" + created.logId() + ":ABSOLUTE_TIMEOUT");
        }
        assertThat(Me.of(browser.get("api/users/me")).exists()).isFalse();
        assertThat(eventually(created.logId()))
                .endsWith("destroyed:" + created.logId() + ":ABSOLUTE_TIMEOUT")
                .containsOnlyOnce("destroyed");
    }

    /** The events of a session, once it ended (from a client without a session). */
    private String eventually(String logId) throws InterruptedException {
        Browser reader = new Browser(base);
        String events = "";
        for (long deadline = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < deadline; ) {
            events = reader.get("api/users/events/" + logId).body();
            if (events.contains("destroyed")) {
                return events;
            }
            Thread.sleep(250);
        }
        return events;
    }
}
