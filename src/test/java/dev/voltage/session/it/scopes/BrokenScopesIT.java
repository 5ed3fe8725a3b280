package dev.voltage.session.it.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.voltage.session.it.Deployments;
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
        return Deployments.war("duplicate-scope-names", Step.class, CheckoutState.class, CheckoutSession.class,
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
        Throwable failure = catchThrowable(() -> deployer.deploy("duplicate-scope-names"));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("The scope name 'checkout' is used by both "
                + CheckoutSession.class.getName() + " and " + DuplicateCheckoutSession.class.getName()
                + "; give each ScopedSession subclass its own name.");
    }

    @Test
    void anInvalidNameFailsTheDeploymentNamingIt() {
        Throwable failure = catchThrowable(() -> deployer.deploy("invalid-scope-name"));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("The scope name 'check out!' of " + BadNameSession.class.getName()
                + " is invalid");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
