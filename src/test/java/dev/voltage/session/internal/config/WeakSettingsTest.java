package dev.voltage.session.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.SessionConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeakSettingsTest {

    @Test
    void theDefaultsWithASecretWeakenNothing() {
        SessionConfiguration safe =
                SessionConfiguration.builder().secret("a-long-random-secret").build();

        assertThat(WeakSettings.of(safe, Optional.empty(), "/shop")).isEmpty();
    }

    @Test
    void everyWeakeningSettingGetsOneWarningNamingItsProperty() {
        SessionConfiguration weak = SessionConfiguration.builder()
                .secure(false)
                .cookieHttpOnly(false)
                .logId("raw")
                .build();

        assertThat(WeakSettings.of(weak, Optional.empty(), "/shop"))
                .containsExactly(
                        "voltage-session in /shop: voltage.session.secure is false: the session cookie also travels over plain "
                                + "HTTP, where anyone on the network can read it and take the session over. Set "
                                + "voltage.session.secure=true wherever the application is served over HTTPS.",
                        "voltage-session in /shop: voltage.session.cookie.http-only is false: scripts in the page can read the "
                                + "session cookie, so one cross-site scripting flaw hands the session over. Set it to true unless "
                                + "a script truly needs the cookie.",
                        "voltage-session in /shop: voltage.session.log.id is raw: log lines and session events carry session ids, "
                                + "which are credentials: whoever reads the logs can take sessions over. Use fingerprint.",
                        "voltage-session in /shop: voltage.session.secret is not set, so session log fingerprints use a random "
                                + "key: they differ between servers and after a restart. Set it to a long random string shared by "
                                + "your servers.");
    }

    @Test
    void sameSiteNoneIsWarnedAbout() {
        SessionConfiguration none = SessionConfiguration.builder()
                .secret("a-long-random-secret")
                .cookieSameSite("None")
                .build();

        assertThat(WeakSettings.of(none, Optional.empty(), "/"))
                .containsExactly(
                        "voltage-session in /: voltage.session.cookie.same-site is None: browsers send the session cookie with "
                                + "requests that other sites start, which opens the door to cross-site request forgery. Use Lax "
                                + "or Strict unless other sites embed the application.");
    }

    @Test
    void secureTurnedOffByAProfileSaysSo() {
        SessionConfiguration test = SessionConfiguration.builder()
                .secret("a-long-random-secret")
                .secure(false)
                .build();

        assertThat(WeakSettings.of(test, Optional.of("test"), "/shop"))
                .containsExactly(
                        "voltage-session in /shop: voltage.session.secure is false because the MicroProfile Config profile is "
                                + "'test': the session cookie also travels over plain HTTP, where anyone on the network can read "
                                + "it and take the session over. Set voltage.session.secure=true (or remove "
                                + "mp.config.profile=test) wherever the application is served over HTTPS.");
    }
}
