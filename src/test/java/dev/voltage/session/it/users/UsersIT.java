package dev.voltage.session.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.logging.EventLog;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session.login, Session.user and UserSessions with the memory index, on a real server. The
 * revocations and the concurrent logins run in a plain WAR and in a {@code <distributable/>} one:
 * there WildFly keeps the sessions in its distributable session manager even on one server (a
 * passivating cache, each request getting its own handle of the session) and Payara in its
 * replicated store, and the index must list, end and forget them as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT {

    @Deployment(name = "plain", testable = false)
    static WebArchive users() {
        return Deployments.war("users", UsersResource.class, Me.class, EventLog.class);
    }

    @Deployment(name = "distributable", testable = false)
    static WebArchive distributableUsers() {
        return Deployments.distributable(
                Deployments.war("users-distributable", UsersResource.class, Me.class, EventLog.class));
    }

    @ArquillianResource
    @OperateOnDeployment("plain")
    URL base;

    @ArquillianResource
    @OperateOnDeployment("distributable")
    URL distributableBase;

    /** A user name of this test only, so tests do not see each other's sessions. */
    private static String someone() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void loginGivesTheSessionANewIdKeepsItsDataAndBindsTheUser() {
        Browser browser = new Browser(base);
        Me anonymous = Me.of(browser.post("api/users/cart/book"));
        String cookieBefore = browser.sessionCookie().orElseThrow();
        String user = someone();

        Me loggedIn = Me.of(browser.post("api/users/login/" + user));

        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(cookieBefore);
        assertThat(loggedIn.logId()).isNotEqualTo(anonymous.logId());
        assertThat(loggedIn.user()).isEqualTo(user);
        assertThat(loggedIn.cart()).isEqualTo("book");
        Me next = Me.of(browser.get("api/users/me"));
        assertThat(next.user()).isEqualTo(user);
        assertThat(next.logId()).isEqualTo(loggedIn.logId());
        assertThat(browser.getWithSessionId("api/users/me", cookieBefore).body())
                .startsWith("false;none");
    }

    @Test
    void loginWithoutSessionCreatesOne() {
        Browser browser = new Browser(base);
        String user = someone();

        Me loggedIn = Me.of(browser.post("api/users/login/" + user));

        assertThat(loggedIn.exists()).isTrue();
        assertThat(browser.sessionCookie()).isPresent();
        assertThat(Me.of(browser.get("api/users/me")).user()).isEqualTo(user);
        assertThat(browser.get("api/users/admin/" + user).body()).isEqualTo(loggedIn.logId());
    }

    @Test
    void loginWithABlankOrTooLongUserIsRefused() {
        Browser browser = new Browser(base);

        HttpResponse<String> blank = browser.post("api/users/login/%20");
        HttpResponse<String> tooLong = browser.post("api/users/login/" + "u".repeat(257));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("blank");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("257 characters");
        assertThat(browser.sessionCookie()).isEmpty();
    }

    @Test
    void aUserLoggedInFromTwoBrowsersIsListedOncePerSessionMostRecentlyUsedFirst() throws InterruptedException {
        String user = someone();
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        String laptopLogId = Me.of(laptop.post("api/users/login/" + user)).logId();
        String phoneLogId = Me.of(phone.post("api/users/login/" + user)).logId();
        Thread.sleep(1100);
        laptop.get("api/users/me");
        Thread.sleep(1100);
        Browser admin = new Browser(base);

        assertThat(admin.get("api/users/admin/" + user).body()).isEqualTo(laptopLogId + "," + phoneLogId);
        assertThat(phone.get("api/users/devices").body().split(",")).containsExactlyInAnyOrder(laptopLogId, phoneLogId);
        assertThat(admin.get("api/users/admin/someone-else-" + user).body()).isEmpty();
        assertThat(admin.sessionCookie()).as("UserSessions creates no session").isEmpty();
    }

    @Test
    void logoutEndsTheBindingAndTheListing() {
        String user = someone();
        Browser browser = new Browser(base);
        browser.post("api/users/login/" + user);

        Me after = Me.of(browser.post("api/users/logout"));

        assertThat(after.exists()).isFalse();
        assertThat(new Browser(base).get("api/users/admin/" + user).body()).isEmpty();
    }

    @Test
    void revokingAnotherDeviceEndsItAtOnceAndItsNextRequestReadsAsNoSession() {
        revokeAnotherDevice(base);
    }

    @Test
    void inADistributableWarRevokingAnotherDeviceEndsItAtOnce() {
        revokeAnotherDevice(distributableBase);
    }

    private void revokeAnotherDevice(URL base) {
        String user = someone();
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        Me laptopSession = Me.of(laptop.post("api/users/login/" + user));
        String phoneLogId = Me.of(phone.post("api/users/login/" + user)).logId();
        phone.post("api/users/cart/book");

        Me afterRevoke = Me.of(laptop.delete("api/users/devices/" + phoneLogId));
        HttpResponse<String> phoneNext = phone.get("api/users/me");

        assertThat(laptop.delete("api/users/devices/" + phoneLogId).body()).startsWith("false|true;" + user);
        assertThat(afterRevoke.exists()).isTrue();
        assertThat(afterRevoke.logId()).isEqualTo(laptopSession.logId());
        assertThat(Me.of(phoneNext).exists()).isFalse();
        assertClearsCookie(phoneNext);
        assertThat(phone.sessionCookie()).isEmpty();
        assertThat(laptop.get("api/users/devices").body()).isEqualTo(laptopSession.logId());
        assertThat(laptop.get("api/users/events/" + phoneLogId).body())
                .endsWith("destroyed:" + phoneLogId + ":REVOKED")
                .containsOnlyOnce("destroyed");
    }

    @Test
    void revokingEveryDeviceFromAnAdminPageEndsThemAll() {
        revokeEveryDevice(base);
    }

    @Test
    void inADistributableWarRevokingEveryDeviceEndsThemAll() {
        revokeEveryDevice(distributableBase);
    }

    private void revokeEveryDevice(URL base) {
        String user = someone();
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        String laptopLogId = Me.of(laptop.post("api/users/login/" + user)).logId();
        String phoneLogId = Me.of(phone.post("api/users/login/" + user)).logId();
        Browser admin = new Browser(base);

        assertThat(admin.delete("api/users/admin/" + user).body()).isEqualTo("2");

        assertThat(Me.of(laptop.get("api/users/me")).exists()).isFalse();
        assertThat(Me.of(phone.get("api/users/me")).exists()).isFalse();
        assertThat(admin.get("api/users/admin/" + user).body()).isEmpty();
        assertThat(admin.delete("api/users/admin/" + user).body()).isEqualTo("0");
        assertThat(admin.get("api/users/events/" + laptopLogId).body())
                .endsWith(":REVOKED")
                .containsOnlyOnce("destroyed");
        assertThat(admin.get("api/users/events/" + phoneLogId).body())
                .endsWith(":REVOKED")
                .containsOnlyOnce("destroyed");
    }

    @Test
    void revokingTheCurrentRequestsOwnSessionBehavesAsDelete() {
        String user = someone();
        Browser browser = new Browser(base);
        String logId = Me.of(browser.post("api/users/login/" + user)).logId();

        HttpResponse<String> response = browser.delete("api/users/devices");

        assertThat(response.body()).startsWith("1|false;none");
        assertClearsCookie(response);
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(new Browser(base).get("api/users/events/" + logId).body())
                .endsWith("destroyed:" + logId + ":REVOKED")
                .containsOnlyOnce("destroyed");
    }

    @Test
    void concurrentLoginsLogoutsAndRevocationsLeaveExactlyTheLiveSessionsListed() throws Exception {
        loginLogoutAndRevokeConcurrently(base);
    }

    @Test
    void inADistributableWarConcurrentLoginsLogoutsAndRevocationsLeaveExactlyTheLiveSessionsListed() throws Exception {
        loginLogoutAndRevokeConcurrently(distributableBase);
    }

    private void loginLogoutAndRevokeConcurrently(URL base) throws Exception {
        String user = someone();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Browser> browsers = new ArrayList<>();
        try {
            List<Future<Boolean>> alive = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Browser browser = new Browser(base);
                browsers.add(browser);
                int kind = i % 3;
                alive.add(pool.submit(() -> {
                    browser.post("api/users/login/" + user);
                    browser.post("api/users/regenerate");
                    if (kind == 0) {
                        browser.post("api/users/logout");
                        return false;
                    }
                    if (kind == 1) {
                        browser.post("api/users/login/" + user);
                    }
                    return true;
                }));
            }
            long expected = 0;
            for (Future<Boolean> f : alive) {
                expected += f.get() ? 1 : 0;
            }
            Browser admin = new Browser(base);
            List<String> listed =
                    List.of(admin.get("api/users/admin/" + user).body().split(","));
            List<String> live = new ArrayList<>();
            for (Browser browser : browsers) {
                Me me = Me.of(browser.get("api/users/me"));
                if (me.exists()) {
                    live.add(me.logId());
                }
            }
            assertThat(live).hasSize((int) expected);
            assertThat(listed).containsExactlyInAnyOrderElementsOf(live);

            assertThat(admin.delete("api/users/admin/" + user).body()).isEqualTo(String.valueOf(expected));
            assertThat(admin.get("api/users/admin/" + user).body()).isEmpty();
        } finally {
            pool.shutdown();
        }
    }

    static void assertClearsCookie(HttpResponse<String> response) {
        List<String> setCookies = Browser.sessionSetCookies(response);
        assertThat(setCookies)
                .as("the response clears the session cookie")
                .isNotEmpty()
                .anySatisfy(header -> assertThat(HttpCookie.parse(header).get(0).hasExpired())
                        .as("Set-Cookie clears the session cookie: " + header)
                        .isTrue());
    }
}
