package dev.voltage.session.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.logging.EventLog;
import dev.voltage.session.it.users.UsersResource;
import jakarta.annotation.sql.DataSourceDefinition;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sessions of a user on the two-node WildFly cluster, with the {@code jdbc} index in a real
 * PostgreSQL shared by both nodes.
 */
class UsersClusterIT {

    private static final int POSTGRES_PORT = 55432;

    @RegisterExtension
    @Order(1)
    static final Postgres POSTGRES = new Postgres(POSTGRES_PORT);

    @RegisterExtension
    @Order(2)
    static final WildFlyCluster CLUSTER = new WildFlyCluster(war());

    /** The application's data source: the shared PostgreSQL. */
    @DataSourceDefinition(
            name = "java:app/jdbc/sessions",
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + Postgres.DATABASE,
            user = Postgres.DATABASE)
    public static class SessionsDataSource {}

    private static WebArchive war() {
        return Deployments.distributable(Deployments.war(
                                "users-cluster",
                                "mp.config.profile=test\n"
                                        + "voltage.session.secret=cluster-secret\nvoltage.session.users.store=jdbc\n"
                                        + "voltage.session.users.datasource=java:app/jdbc/sessions\nvoltage.session.users.refresh=PT1S",
                                UsersResource.class,
                                EventLog.class,
                                SessionsDataSource.class)
                        .addClasses(Deployments.sessionClasses()))
                .addAsLibrary(jarOf(org.postgresql.Driver.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL node(int index) throws Exception {
        return new URL(CLUSTER.node(index).url(), "users-cluster/");
    }

    /** exists;user;logId;... as UsersResource's "me" reports it. */
    private static String[] me(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        return body.substring(body.indexOf('|') + 1).split(";");
    }

    @Test
    void aUserLoggedInOnBothNodesIsListedOncePerSessionFromEitherNode() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Browser onNodeOne = new Browser(node(0));
        Browser onNodeTwo = new Browser(node(1));
        String first = me(onNodeOne.post("api/users/login/" + user))[2];
        String second = me(onNodeTwo.post("api/users/login/" + user))[2];
        onNodeOne.at(node(1)).get("api/users/me"); // the first session is now served by both nodes

        for (int i = 0; i < 2; i++) {
            assertThat(new Browser(node(i))
                            .get("api/users/admin/" + user)
                            .body()
                            .split(","))
                    .as("listed from node %s", i + 1)
                    .containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void revokeOnNodeTwoEndsTheSessionsServedByNodeOneWithinTheRefreshInterval() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Browser laptop = new Browser(node(0));
        Browser phone = new Browser(node(0));
        String laptopLogId = me(laptop.post("api/users/login/" + user))[2];
        me(phone.post("api/users/login/" + user));

        assertThat(new Browser(node(1)).delete("api/users/admin/" + user).body())
                .isEqualTo("2");
        Thread.sleep(1500); // past users.refresh

        HttpResponse<String> next = laptop.get("api/users/me");
        assertThat(me(next)[0]).isEqualTo("false");
        assertThat(Browser.sessionSetCookies(next)).as("the cookie is cleared").isNotEmpty();
        assertThat(me(phone.get("api/users/me"))[0]).isEqualTo("false");
        assertThat(new Browser(node(0)).get("api/users/events/" + laptopLogId).body())
                .endsWith("destroyed:" + laptopLogId + ":REVOKED")
                .containsOnlyOnce("destroyed");
        assertThat(new Browser(node(1)).get("api/users/admin/" + user).body()).isEmpty();
    }
}
