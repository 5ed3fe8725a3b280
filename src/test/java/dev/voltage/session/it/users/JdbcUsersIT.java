package dev.voltage.session.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.logging.EventLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UserSessions with the {@code jdbc} index on the server's default data source (H2 on WildFly,
 * Payara and, as src/test/liberty/server.xml defines it, Open Liberty; Derby on GlassFish):
 * the table is created, holds no session id, is shared (a revocation written to it by another
 * server ends the session here within {@code users.refresh}), and rows of dead servers go.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JdbcUsersIT {

    private static final String TABLE = "it_user_sessions";

    @Deployment(name = "jdbc", testable = false)
    static WebArchive jdbc() {
        return Deployments.war(
                "users-jdbc",
                "mp.config.profile=test\nvoltage.session.secret=jdbc-it-secret\n"
                        + "voltage.session.users.store=jdbc\nvoltage.session.users.table=" + TABLE
                        + "\nvoltage.session.users.refresh=PT1S",
                UsersResource.class,
                TableResource.class,
                Me.class,
                EventLog.class);
    }

    @ArquillianResource
    @OperateOnDeployment("jdbc")
    URL base;

    private static String someone() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void loginIsRecordedInTheTableWithoutTheSessionId() {
        String user = someone();
        Browser browser = new Browser(base);
        Me me = Me.of(browser.post("api/users/login/" + user));

        String rows = browser.get("api/table/" + TABLE + "/" + user).body();

        assertThat(rows.lines())
                .singleElement()
                .asString()
                .endsWith(";" + me.logId() + ";0")
                .doesNotContain(browser.sessionCookie().orElseThrow());
        assertThat(browser.get("api/users/devices").body()).isEqualTo(me.logId());
    }

    @Test
    void twoBrowsersAreListedOnceEachAndLoggingOutOneDeviceEndsIt() {
        String user = someone();
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        String laptopLogId = Me.of(laptop.post("api/users/login/" + user)).logId();
        String phoneLogId = Me.of(phone.post("api/users/login/" + user)).logId();
        Me.of(laptop.post("api/users/regenerate"));
        String laptopNow = Me.of(laptop.get("api/users/me")).logId();

        assertThat(laptop.get("api/users/devices").body().split(","))
                .containsExactlyInAnyOrder(laptopNow, phoneLogId)
                .doesNotContain(laptopLogId);

        assertThat(laptop.delete("api/users/devices/" + phoneLogId).body()).startsWith("true|true;" + user);
        HttpResponse<String> phoneNext = phone.get("api/users/me");
        assertThat(Me.of(phoneNext).exists()).isFalse();
        UsersIT.assertClearsCookie(phoneNext);
        assertThat(laptop.get("api/users/devices").body()).isEqualTo(laptopNow);
        assertThat(laptop.get("api/table/" + TABLE + "/" + user).body().lines()).hasSize(1);
    }

    @Test
    void aRevocationWrittenByAnotherServerEndsTheSessionWithinTheRefreshInterval() throws InterruptedException {
        String user = someone();
        Browser browser = new Browser(base);
        String logId = Me.of(browser.post("api/users/login/" + user)).logId();
        Browser otherServer = new Browser(base);

        assertThat(otherServer
                        .post("api/table/" + TABLE + "/" + user + "/" + logId + "/revoke")
                        .body())
                .isEqualTo("1");
        Thread.sleep(1500); // past users.refresh

        HttpResponse<String> next = browser.get("api/users/me");
        assertThat(Me.of(next).exists()).isFalse();
        UsersIT.assertClearsCookie(next);
        assertThat(otherServer.get("api/users/events/" + logId).body())
                .endsWith("destroyed:" + logId + ":REVOKED")
                .containsOnlyOnce("destroyed");
        assertThat(otherServer.get("api/table/" + TABLE + "/" + user).body()).isEmpty();
        assertThat(otherServer.get("api/users/admin/" + user).body()).isEmpty();
    }

    @Test
    void rowsOfADeadServersSessionsAreRemovedPastTheirDeadline() throws InterruptedException {
        String user = someone();
        Browser browser = new Browser(base);
        String logId = Me.of(browser.post("api/users/login/" + user)).logId();
        browser.post("api/table/" + TABLE + "/" + user + "/dead");

        assertThat(browser.get("api/users/devices").body()).isEqualTo(logId);
        Thread.sleep(1500); // past users.refresh: the next request's server reads the table again
        browser.get("api/users/me");

        assertThat(browser.get("api/table/" + TABLE + "/" + user).body().lines())
                .singleElement()
                .asString()
                .contains(logId);
    }

    @Test
    void revokingEverySessionFromAnAdminPageEndsThemAndEmptiesTheTable() {
        String user = someone();
        Browser laptop = new Browser(base);
        Browser phone = new Browser(base);
        laptop.post("api/users/login/" + user);
        phone.post("api/users/login/" + user);
        Browser admin = new Browser(base);

        assertThat(admin.delete("api/users/admin/" + user).body()).isEqualTo("2");

        assertThat(Me.of(laptop.get("api/users/me")).exists()).isFalse();
        assertThat(Me.of(phone.get("api/users/me")).exists()).isFalse();
        assertThat(admin.get("api/users/admin/" + user).body()).isEmpty();
        assertThat(admin.get("api/table/" + TABLE + "/" + user).body()).isEmpty();
    }
}
