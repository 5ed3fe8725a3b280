package dev.voltage.session.it.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code voltage.session.lock-timeout}, set to one second in the WAR's MicroProfile Config file. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LockTimeoutIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "lock-timeout",
                "mp.config.profile=test\nvoltage.session.lock-timeout=1\n",
                RacesResource.class,
                ProfileSlice.class,
                Arrivals.class,
                IllegalStateMapper.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void anUpdateThatCannotGetItsSessionsLockWithinTheTimeoutThrowsIllegalStateExceptionSayingSo() {
        Browser browser = new Browser(base);
        browser.post("api/races/login");
        String run = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> holder = browser.postAsync("api/races/slow/4000?run=" + run);
        awaitArrival(run);
        HttpResponse<String> update = browser.post("api/races/count");
        HttpResponse<String> sliceUpdate = browser.post("api/races/slice-count");
        HttpResponse<String> delete = browser.post("api/races/delete");

        assertThat(update.statusCode()).isEqualTo(503);
        assertThat(update.body())
                .isEqualTo("Session.update() could not lock its session within PT1S "
                        + "(voltage.session.lock-timeout): another request of the same session held the lock all that time. "
                        + "Keep the work inside updaters short, or raise voltage.session.lock-timeout.");
        assertThat(sliceUpdate.statusCode()).isEqualTo(503);
        assertThat(sliceUpdate.body()).startsWith("ScopedSession.update() could not lock its session within PT1S");
        assertThat(delete.statusCode()).isEqualTo(503);
        assertThat(delete.body()).startsWith("Session.delete() could not lock its session within PT1S");
        assertThat(holder.join().statusCode()).isEqualTo(200);
        assertThat(browser.get("api/races/user").body())
                .as("the timed-out logout ended nothing")
                .isEqualTo("ada|ada");
    }

    @Test
    void nestedUpdatesOfOneSessionInOneRequestDoNotWaitForThemselves() {
        Browser browser = new Browser(base);
        browser.post("api/races/login");
        String before = browser.sessionCookie().orElseThrow();

        HttpResponse<String> nested = browser.post("api/races/nested");

        assertThat(nested.statusCode()).isEqualTo(200);
        assertThat(nested.body()).isEqualTo("2|ada,nested");
        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(before);
        assertThat(browser.get("api/races/user").body()).isEqualTo("ada|ada,nested");
    }

    private void awaitArrival(String run) {
        Browser observer = new Browser(base);
        for (int i = 0;
                i < 200 && !observer.get("api/races/arrivals/" + run).body().equals("1");
                i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(observer.get("api/races/arrivals/" + run).body()).isEqualTo("1");
    }
}
