package dev.voltage.session.it.config;

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
 * A bad value fails the deployment with a message naming the property, the value and what is
 * allowed, even in an application that injects nothing of the library.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenConfigurationIT {

    @Deployment(name = "unknown-same-site", managed = false, testable = false)
    static WebArchive unknownSameSite() {
        return Deployments.war("unknown-same-site", "voltage.session.cookie.same-site=Loose");
    }

    @Deployment(name = "none-without-secure", managed = false, testable = false)
    static WebArchive noneWithoutSecure() {
        return Deployments.war("none-without-secure",
                "voltage.session.cookie.same-site=None\nvoltage.session.secure=false");
    }

    @Deployment(name = "negative-timeout", managed = false, testable = false)
    static WebArchive negativeTimeout() {
        return Deployments.war("negative-timeout", "voltage.session.timeout=-5");
    }

    @Deployment(name = "not-a-number", managed = false, testable = false)
    static WebArchive notANumber() {
        return Deployments.war("not-a-number", "voltage.session.cookie.max-age=abc");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void unknownSameSiteFailsTheDeployment() {
        assertThat(failureOf("unknown-same-site")).contains("voltage.session.cookie.same-site is 'Loose', "
                + "which is not allowed: use Strict, Lax or None (in any case).");
    }

    @Test
    void sameSiteNoneWithoutSecureFailsTheDeployment() {
        assertThat(failureOf("none-without-secure")).contains("voltage.session.cookie.same-site is 'None' while "
                + "voltage.session.secure is false");
    }

    @Test
    void negativeTimeoutFailsTheDeployment() {
        assertThat(failureOf("negative-timeout")).contains("voltage.session.timeout is '-5', which is not allowed: "
                + "use a positive whole number of seconds, such as 1800 or PT30M.");
    }

    @Test
    void aNonNumberFailsTheDeployment() {
        assertThat(failureOf("not-a-number")).contains("voltage.session.cookie.max-age is 'abc', which is not allowed");
    }

    private String failureOf(String deployment) {
        String failure = Server.current().failureOf(deployer, deployment);
        assertThat(failure).as("the deployment fails").isNotNull();
        return failure;
    }
}
