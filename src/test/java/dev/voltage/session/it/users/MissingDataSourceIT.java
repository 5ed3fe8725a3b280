package dev.voltage.session.it.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code jdbc} index with a data source that does not exist fails the deployment, naming it.
 * In a class of its own: Open Liberty keeps a WAR whose start failed "starting" and finishes with
 * it only after the adapter gave up, and meanwhile answers "Context Root Not Found" for a while to
 * the requests of the other WARs of the test class (seen in {@code JdbcUsersIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingDataSourceIT {

    @Deployment(name = "missing-datasource", managed = false, testable = false)
    static WebArchive missingDataSource() {
        return Deployments.war(
                "users-missing-datasource",
                "mp.config.profile=test\n"
                        + "voltage.session.users.store=jdbc\nvoltage.session.users.datasource=java:comp/env/jdbc/NoSuchSessions");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aDataSourceThatCannotBeFoundFailsTheDeploymentNamingIt() {
        String failure = Server.current().failureOf(deployer, "missing-datasource");

        assertThat(failure)
                .as("the deployment fails")
                .isNotNull()
                .contains("java:comp/env/jdbc/NoSuchSessions")
                .contains("voltage.session.users.datasource");
    }
}
