package dev.voltage.session.it.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.util.List;
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
 * Settings that weaken security deploy, with one warning at deployment for each, naming its
 * property. The WARs' names are new on every run, so the server's log (kept across runs) holds
 * this run's warnings under names of their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WeakConfigurationIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String WEAK = "config-weak-" + RUN;
    private static final String SAME_SITE_NONE = "config-none-" + RUN;
    private static final String PROFILE = "config-profile-" + RUN;
    private static final String SAFE = "config-safe-" + RUN;
    private static final String PRODUCED = "config-produced-weak-" + RUN;
    private static final String SECRET = "voltage.session.secret=a-long-random-secret-shared-by-the-servers\n";

    @Deployment(name = "weak", testable = false)
    static WebArchive weak() {
        return ConfigurationIT.war(
                WEAK,
                "voltage.session.secure=false\n"
                        + "voltage.session.cookie.http-only=false\n"
                        + "voltage.session.log.id=raw\n");
    }

    @Deployment(name = "same-site-none", testable = false)
    static WebArchive sameSiteNone() {
        return ConfigurationIT.war(SAME_SITE_NONE, SECRET + "voltage.session.cookie.same-site=None\n");
    }

    @Deployment(name = "profile", testable = false)
    static WebArchive profile() {
        return ConfigurationIT.war(PROFILE, SECRET + "mp.config.profile=test\n");
    }

    @Deployment(name = "safe", testable = false)
    static WebArchive safe() {
        return ConfigurationIT.war(SAFE, SECRET);
    }

    @Deployment(name = "produced", testable = false)
    static WebArchive produced() {
        return Deployments.war(PRODUCED, "mp.config.profile=test\n" + SECRET, ConfigResource.class, BindCounter.class)
                .addClass(ProducedConfiguration.class);
    }

    @ArquillianResource
    @OperateOnDeployment("weak")
    URL weakUrl;

    @Test
    void eachWeakeningSettingIsWarnedAboutOnceAtDeploymentNamingItsProperty() {
        assertThat(warnings(WEAK, "voltage.session.secure"))
                .singleElement()
                .asString()
                .contains("voltage.session.secure is false: the session cookie also travels over plain HTTP");
        assertThat(warnings(WEAK, "voltage.session.cookie.http-only"))
                .singleElement()
                .asString()
                .contains("voltage.session.cookie.http-only is false: scripts in the page can read the session cookie");
        assertThat(warnings(WEAK, "voltage.session.log.id"))
                .singleElement()
                .asString()
                .contains("voltage.session.log.id is raw: log lines and session events carry session ids");
        assertThat(warnings(WEAK, "voltage.session.secret"))
                .singleElement()
                .asString()
                .contains("voltage.session.secret is not set, so session log fingerprints use a random key");
    }

    @Test
    void theMissingSecretIsWarnedAboutOnceNotAgainWhenSessionsAreFingerprinted() {
        Browser browser = new Browser(weakUrl);
        browser.post("api/config/create");
        browser.post("api/config/reset-max-age");

        assertThat(warnings(WEAK, "voltage.session.secret")).hasSize(1);
    }

    @Test
    void sameSiteNoneIsWarnedAbout() {
        assertThat(warnings(SAME_SITE_NONE, "voltage.session.cookie.same-site"))
                .singleElement()
                .asString()
                .contains("voltage.session.cookie.same-site is None: browsers send the session cookie with requests "
                        + "that other sites start");
        assertThat(ServerLog.linesContaining("voltage-session in /" + SAME_SITE_NONE + ":"))
                .hasSize(1);
    }

    @Test
    void secureTurnedOffByTheTestProfileIsWarnedAboutNamingTheProfile() {
        assertThat(warnings(PROFILE, "voltage.session.secure"))
                .singleElement()
                .asString()
                .contains("voltage.session.secure is false because the MicroProfile Config profile is 'test'");
        assertThat(ServerLog.linesContaining("voltage-session in /" + PROFILE + ":"))
                .hasSize(1);
    }

    @Test
    void aConfigurationThatWeakensNothingDeploysWithoutWarning() {
        assertThat(ServerLog.linesContaining("voltage-session in /" + SAFE + ":"))
                .isEmpty();
    }

    @Test
    void aProducedConfigurationIsWarnedAboutToo() {
        assertThat(warnings(PRODUCED, "voltage.session.secure"))
                .singleElement()
                .asString()
                .contains("voltage.session.secure is false: the session cookie");
        assertThat(warnings(PRODUCED, "voltage.session.secret")).hasSize(1);
    }

    /** The lines about one property of one application, each asserted to be a warning. */
    private static List<String> warnings(String application, String property) {
        List<String> lines = ServerLog.linesContaining("voltage-session in /" + application + ": " + property + " ");
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("WARN"));
        return lines;
    }
}
