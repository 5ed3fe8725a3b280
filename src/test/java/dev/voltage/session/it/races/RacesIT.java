package dev.voltage.session.it.races;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.ServerLog;
import dev.voltage.session.it.SetCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Requests of one session racing each other on a real server, as a browser with several tabs
 * sends them: a logout stays final, updates stay atomic across a regenerate, one session never
 * waits for another, and no race ends in a 500 or puts a raw id in the log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RacesIT {

    private static final int ROUNDS = 50;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(
                "races", RacesResource.class, ProfileSlice.class, Arrivals.class, IllegalStateMapper.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aSlowUpdateRacingALogoutNeverCarriesTheUserIntoANewSession() {
        raceUpdateWithLogout("api/races/touch-user?dwell=100");
    }

    @Test
    void aSlowScopeUpdateRacingALogoutNeverCarriesTheScopeIntoANewSession() {
        raceUpdateWithLogout("api/races/touch-profile?dwell=100");
    }

    @Test
    void thirtyConcurrentAddsWithARegenerateAmongThemLeaveThirtyItems() {
        assertThat(addThirtyWithARegenerate(false)).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void thirtyConcurrentScopeAddsWithARegenerateAmongThemLeaveThirtyItems() {
        List<String> lines = addThirtyWithARegenerate(true);

        assertThat(lines.get(0)).isEqualTo("ada");
        assertThat(lines.subList(1, lines.size())).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aThreeSecondUpdaterInOneSessionDoesNotDelayUpdatesInFiftyOthers() {
        List<Browser> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Browser other = new Browser(base);
            assertThat(other.post("api/races/count").statusCode()).isEqualTo(200);
            others.add(other);
        }
        Browser slow = new Browser(base);
        slow.post("api/races/count");
        String run = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> slowUpdate = slow.postAsync("api/races/slow/3000?run=" + run);
        awaitArrivals(run, 1);
        List<CompletableFuture<HttpResponse<String>>> updates = new ArrayList<>();
        for (Browser other : others) {
            updates.add(other.postAsync("api/races/count"));
            updates.add(other.postAsync("api/races/slice-count"));
        }
        CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();

        assertThat(slowUpdate)
                .as("the 3-second updater is still running when the other sessions' updates are done")
                .isNotDone();
        assertThat(updates)
                .allSatisfy(update -> assertThat(update.join().statusCode()).isEqualTo(200));
        assertThat(slowUpdate.join().body()).isEqualTo("2");
    }

    @Test
    void aLogoutAmongManyReadsAndWritesNeverFailsARequestNorLogsARawIdOrTheContainersInvalidSessionMessage() {
        int logBefore = ServerLog.linesContaining("").size();
        Set<String> ids = new LinkedHashSet<>();
        for (int round = 0; round < 10; round++) {
            Browser browser = new Browser(base);
            browser.post("api/races/login");
            ids.add(browser.sessionCookie().orElseThrow());
            List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                requests.add(browser.postAsync("api/races/op/" + (i + round)));
                if (i == 12 + round) {
                    requests.add(browser.postAsync("api/races/delete"));
                }
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

            for (CompletableFuture<HttpResponse<String>> request : requests) {
                HttpResponse<String> response = request.join();
                if (Server.current().failedInContainerSessionLookup(response.statusCode(), response.body())) {
                    continue; // the container's own code lost the race before the WAR's code ran: see Server
                }
                assertThat(response.statusCode())
                        .as(response.uri() + ": " + response.body())
                        .isEqualTo(200);
                if (response.body().startsWith("no session: ")) {
                    assertThat(response.body()).startsWith("no session: There is no session, so it has no ");
                }
                sessionCookie(response).ifPresent(ids::add);
            }
        }

        List<String> logged = ServerLog.linesContaining("");
        List<String> newLines = Server.current()
                .withoutContainerSessionLookupFailures(
                        logged.subList(Math.min(logBefore, logged.size()), logged.size()));
        for (String id : ids) {
            assertThat(newLines).as("log lines with the raw session id").noneMatch(line -> line.contains(core(id)));
        }
        assertThat(newLines)
                .noneMatch(line -> line.contains("UT000010")
                        || line.contains("Session is invalid")
                        || line.contains("already invalidated")
                        || line.contains("invalidated session"));
    }

    /** Rounds of [slow update ∥ delete] in a logged-in session, the delete sent at varying moments. */
    private void raceUpdateWithLogout(String slowUpdate) {
        for (int round = 0; round < ROUNDS; round++) {
            Browser browser = new Browser(base);
            browser.post("api/races/login");
            assertThat(browser.get("api/races/user").body()).isEqualTo("ada|ada");

            CompletableFuture<HttpResponse<String>> update = browser.postAsync(slowUpdate);
            pause((round % 10) * 15L);
            CompletableFuture<HttpResponse<String>> delete = browser.postAsync("api/races/delete");

            Set<String> cookies = new LinkedHashSet<>();
            for (HttpResponse<String> response : List.of(update.join(), delete.join())) {
                if (Server.current().failedInContainerSessionLookup(response.statusCode(), response.body())) {
                    continue; // the container's own code lost the race before the WAR's code ran: see Server
                }
                assertThat(response.statusCode())
                        .as("round " + round + ": " + response.body())
                        .isEqualTo(200);
                sessionCookie(response).ifPresent(cookies::add);
            }
            browser.sessionCookie().ifPresent(cookies::add);
            for (String cookie : cookies) {
                assertThat(browser.getWithSessionId("api/races/user", cookie).body())
                        .as("round " + round + ": the session cookie " + cookie
                                + " leads to no data of the logged-out session")
                        .isEqualTo("null|");
            }
        }
    }

    private List<String> addThirtyWithARegenerate(boolean slice) {
        Browser browser = new Browser(base);
        browser.post("api/races/login");
        String oldId = browser.sessionCookie().orElseThrow();
        String run = UUID.randomUUID().toString();

        List<CompletableFuture<HttpResponse<String>>> adds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            adds.add(browser.postAsync("api/races/cart/item-" + i + "?run=" + run + "&before=" + (i * 15) + "&dwell=10"
                    + "&slice=" + slice));
        }
        awaitArrivals(run, 30);
        HttpResponse<String> regenerated = browser.post("api/races/regenerate");
        CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).join();

        assertThat(regenerated.statusCode()).isEqualTo(200);
        assertThat(adds).allSatisfy(add -> assertThat(add.join().statusCode()).isEqualTo(200));
        String newest = browser.sessionCookie().orElseThrow();
        assertThat(newest).isNotEqualTo(oldId);
        String body = slice
                ? browser.getWithSessionId("api/races/user", newest).body().split("\\|", -1)[1]
                : browser.getWithSessionId("api/races/cart", newest).body();
        return Arrays.asList(body.split(","));
    }

    private void awaitArrivals(String run, int count) {
        Browser observer = new Browser(base);
        for (int i = 0;
                i < 300
                        && Integer.parseInt(observer.get("api/races/arrivals/" + run)
                                        .body())
                                < count;
                i++) {
            pause(50);
        }
        assertThat(observer.get("api/races/arrivals/" + run).body()).isEqualTo(String.valueOf(count));
    }

    /** The id a session cookie carries, without the prefixes and suffixes some containers add (Liberty's cache id, a route). */
    private static String core(String cookie) {
        String id = cookie.startsWith("0000") ? cookie.substring(4) : cookie;
        int end = id.indexOf(':');
        return end > 0 ? id.substring(0, end) : id;
    }

    private static java.util.Optional<String> sessionCookie(HttpResponse<String> response) {
        return SetCookie.of(response, Browser.SESSION_COOKIE)
                .map(SetCookie::value)
                .filter(value -> !value.isEmpty());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
