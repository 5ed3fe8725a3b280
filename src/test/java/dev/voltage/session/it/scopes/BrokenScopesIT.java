package dev.voltage.session.it.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.scopes.broken.BadNameSession;
import dev.voltage.session.it.scopes.broken.DuplicateCheckoutSession;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deployments with a bad {@code ScopedSession} subclass fail on a real server, with a message naming what is wrong. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenScopesIT {

    @Deployment(name = "duplicate-scope-names", managed = false, testable = false)
    static WebArchive duplicateNames() {
        return Deployments.war(
                "duplicate-scope-names",
                Step.class,
                CheckoutState.class,
                CheckoutSession.class,
                DuplicateCheckoutSession.class);
    }

    @Deployment(name = "invalid-scope-name", managed = false, testable = false)
    static WebArchive invalidName() {
        return Deployments.war("invalid-scope-name", BadNameSession.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoSubclassesWithOneNameFailTheDeploymentNamingBoth() {
        String failure = Server.current().failureOf(deployer, "duplicate-scope-names");

        assertThat(failure)
                .as("the deployment fails")
                .isNotNull()
                .contains("The scope name 'checkout' is used by both "
                        + CheckoutSession.class.getName() + " and " + DuplicateCheckoutSession.class.getName()
                        + "; give each ScopedSession subclass its own name.");
    }

    @Test
    void anInvalidNameFailsTheDeploymentNamingIt() {
        String failure = Server.current().failureOf(deployer, "invalid-scope-name");

        assertThat(failure)
                .as("the deployment fails")
                .isNotNull()
                .contains("The scope name 'check out!' of " + BadNameSession.class.getName() + " is invalid");
    }
}
