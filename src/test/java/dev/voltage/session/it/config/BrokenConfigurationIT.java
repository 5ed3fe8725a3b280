package dev.voltage.session.it.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.config.broken.HostCookieWithoutSecure;
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
 * allowed, even in an application that injects nothing of the library; so do cookie attributes that
 * browsers would refuse or that inject attributes, whether read from properties or produced.
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
        return Deployments.war(
                "none-without-secure", "voltage.session.cookie.same-site=None\nvoltage.session.secure=false");
    }

    @Deployment(name = "negative-timeout", managed = false, testable = false)
    static WebArchive negativeTimeout() {
        return Deployments.war("negative-timeout", "voltage.session.timeout=-5");
    }

    @Deployment(name = "not-a-number", managed = false, testable = false)
    static WebArchive notANumber() {
        return Deployments.war("not-a-number", "voltage.session.cookie.max-age=abc");
    }

    @Deployment(name = "path-semicolon", managed = false, testable = false)
    static WebArchive pathWithSemicolon() {
        return Deployments.war("path-semicolon", "voltage.session.cookie.path=/shop;Domain=evil.example");
    }

    @Deployment(name = "path-crlf", managed = false, testable = false)
    static WebArchive pathWithLineBreak() {
        return Deployments.war("path-crlf", "voltage.session.cookie.path=/shop\\r\\nX-Injected: yes");
    }

    @Deployment(name = "domain-semicolon", managed = false, testable = false)
    static WebArchive domainWithSemicolon() {
        return Deployments.war("domain-semicolon", "voltage.session.cookie.domain=example.test;Secure");
    }

    @Deployment(name = "host-without-secure", managed = false, testable = false)
    static WebArchive hostPrefixWithoutSecure() {
        return Deployments.war(
                "host-without-secure",
                "voltage.session.cookie.name=__Host-SID\nvoltage.session.cookie.path=/\nvoltage.session.secure=false");
    }

    @Deployment(name = "host-with-domain", managed = false, testable = false)
    static WebArchive hostPrefixWithDomain() {
        return Deployments.war(
                "host-with-domain",
                "voltage.session.cookie.name=__Host-SID\n"
                        + "voltage.session.cookie.path=/\nvoltage.session.cookie.domain=example.test");
    }

    @Deployment(name = "host-with-path", managed = false, testable = false)
    static WebArchive hostPrefixWithPath() {
        return Deployments.war(
                "host-with-path",
                "voltage.session.cookie.name=__Host-SID\n" + "voltage.session.cookie.path=/host-with-path");
    }

    @Deployment(name = "secure-prefix-without-secure", managed = false, testable = false)
    static WebArchive securePrefixWithoutSecure() {
        return Deployments.war(
                "secure-prefix-without-secure", "mp.config.profile=dev\nvoltage.session.cookie.name=__Secure-SID");
    }

    @Deployment(name = "produced-host-without-secure", managed = false, testable = false)
    static WebArchive producedHostPrefixWithoutSecure() {
        return Deployments.war("produced-host-without-secure", HostCookieWithoutSecure.class);
    }

    @Deployment(name = "users-table", managed = false, testable = false)
    static WebArchive usersTableThatIsNoIdentifier() {
        return Deployments.war("users-table", "voltage.session.users.table=sessions; DROP TABLE users");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void unknownSameSiteFailsTheDeployment() {
        assertThat(failureOf("unknown-same-site"))
                .contains("voltage.session.cookie.same-site is 'Loose', "
                        + "which is not allowed: use Strict, Lax or None (in any case).");
    }

    @Test
    void sameSiteNoneWithoutSecureFailsTheDeployment() {
        assertThat(failureOf("none-without-secure"))
                .contains("voltage.session.cookie.same-site is 'None' while " + "voltage.session.secure is false");
    }

    @Test
    void negativeTimeoutFailsTheDeployment() {
        assertThat(failureOf("negative-timeout"))
                .contains("voltage.session.timeout is '-5', which is not allowed: "
                        + "use a positive whole number of seconds, such as 1800 or PT30M.");
    }

    @Test
    void aNonNumberFailsTheDeployment() {
        assertThat(failureOf("not-a-number")).contains("voltage.session.cookie.max-age is 'abc', which is not allowed");
    }

    @Test
    void aCookiePathHoldingASemicolonFailsTheDeployment() {
        assertThat(failureOf("path-semicolon"))
                .contains(
                        "voltage.session.cookie.path is '/shop;Domain=evil.example', "
                                + "which is not allowed: use a path starting with '/', without ';' or control characters, such as /shop.");
    }

    @Test
    void aCookiePathHoldingALineBreakFailsTheDeploymentAndTheMessageShowsItEscaped() {
        String failure = failureOf("path-crlf");

        assertThat(failure)
                .contains("voltage.session.cookie.path is '/shop\\")
                .contains("u000d")
                .contains("u000aX-Injected: yes', which is not allowed: use a path starting with '/', "
                        + "without ';' or control characters, such as /shop.")
                .as("no line break of the value reaches the message")
                .doesNotContain("/shop\r");
    }

    @Test
    void aCookieDomainHoldingASemicolonFailsTheDeployment() {
        assertThat(failureOf("domain-semicolon"))
                .contains("voltage.session.cookie.domain is 'example.test;Secure', "
                        + "which is not allowed: use a domain without ';', whitespace or control characters, such as "
                        + "example.com, or no value.");
    }

    @Test
    void aHostPrefixWithoutSecureFailsTheDeployment() {
        assertThat(failureOf("host-without-secure"))
                .contains("voltage.session.cookie.name is '__Host-SID' while "
                        + "voltage.session.secure is false: browsers refuse __Host- cookies that are not Secure.");
    }

    @Test
    void aHostPrefixWithADomainFailsTheDeployment() {
        assertThat(failureOf("host-with-domain"))
                .contains(
                        "voltage.session.cookie.name is '__Host-SID' while "
                                + "voltage.session.cookie.domain is 'example.test': browsers refuse __Host- cookies with a Domain.");
    }

    @Test
    void aHostPrefixWithAPathOtherThanTheRootFailsTheDeployment() {
        assertThat(failureOf("host-with-path"))
                .contains(
                        "voltage.session.cookie.name is '__Host-SID' while "
                                + "voltage.session.cookie.path is '/host-with-path': browsers refuse __Host- cookies whose Path is not /");
    }

    @Test
    void aSecurePrefixWithoutSecureFailsTheDeploymentAlsoWhenTheProfileTurnedSecureOff() {
        assertThat(failureOf("secure-prefix-without-secure"))
                .contains(
                        "voltage.session.cookie.name is '__Secure-SID' "
                                + "while voltage.session.secure is false: browsers refuse __Secure- cookies that are not Secure.");
    }

    @Test
    void aProducedConfigurationGoesThroughTheSameChecks() {
        assertThat(failureOf("produced-host-without-secure"))
                .contains(
                        "voltage.session.cookie.name is '__Host-SID' "
                                + "while voltage.session.secure is false: browsers refuse __Host- cookies that are not Secure.");
    }

    @Test
    void aUsersTableThatIsNoSqlIdentifierFailsTheDeployment() {
        assertThat(failureOf("users-table"))
                .contains("voltage.session.users.table is 'sessions; DROP TABLE users', "
                        + "which is not allowed: use an SQL identifier");
    }

    private String failureOf(String deployment) {
        String failure = Server.current().failureOf(deployer, deployment);
        assertThat(failure).as("the deployment fails").isNotNull();
        return failure;
    }
}
