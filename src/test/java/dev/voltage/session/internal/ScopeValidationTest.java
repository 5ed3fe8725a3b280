package dev.voltage.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.voltage.session.it.scopes.CheckoutSession;
import dev.voltage.session.it.scopes.broken.BadNameSession;
import dev.voltage.session.it.scopes.broken.DuplicateCheckoutSession;
import dev.voltage.session.it.scopes.broken.RawSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The extension fails the deployment for a bad {@code ScopedSession} subclass, naming what is wrong. */
class ScopeValidationTest {

    @Test
    void twoSubclassesWithOneNameFailTheDeploymentNamingBoth() {
        Throwable failure = deploy(CheckoutSession.class, DuplicateCheckoutSession.class);

        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(messages(failure))
                .contains("The scope name 'checkout' is used by both "
                        + CheckoutSession.class.getName() + " and " + DuplicateCheckoutSession.class.getName()
                        + "; give each ScopedSession subclass its own name.");
    }

    @Test
    void anInvalidNameFailsTheDeploymentNamingIt() {
        Throwable failure = deploy(BadNameSession.class);

        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(messages(failure))
                .contains("The scope name 'check out!' of " + BadNameSession.class.getName()
                        + " is invalid: a scope name is non-empty and made of letters, digits, '.', '_' and '-' "
                        + "([A-Za-z0-9._-]+), such as \"checkout\".");
    }

    @Test
    void aSubclassWithoutStateTypeFailsTheDeployment() {
        Throwable failure = deploy(RawSession.class);

        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(messages(failure))
                .contains(RawSession.class.getName()
                        + " extends ScopedSession without a type argument; declare the state type, e.g. "
                        + "'extends ScopedSession<CheckoutState>'.");
    }

    @Test
    void validSubclassesDeploy() {
        assertThat(deploy(CheckoutSession.class)).isNull();
    }

    private static Throwable deploy(Class<?>... scopes) {
        Weld weld = new Weld()
                .disableDiscovery()
                .addExtension(new VoltageSessionExtension())
                .addBeanClasses(LibraryBeans.with(scopes));
        return catchThrowable(() -> {
            try (WeldContainer container = weld.initialize()) {
                container.isRunning();
            }
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed.getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
