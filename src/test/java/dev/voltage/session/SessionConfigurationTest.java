package dev.voltage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionConfigurationTest {

    @Test
    void defaultsAreTheSpecsDefaults() {
        SessionConfiguration defaults = SessionConfiguration.defaults();

        assertThat(defaults.secret()).isNull();
        assertThat(defaults.secure()).isTrue();
        assertThat(defaults.saveUninitialized()).isFalse();
        assertThat(defaults.resave()).isFalse();
        assertThat(defaults.rolling()).isFalse();
        assertThat(defaults.timeout()).isNull();
        assertThat(defaults.cookieName()).isNull();
        assertThat(defaults.cookiePath()).isNull();
        assertThat(defaults.cookieDomain()).isNull();
        assertThat(defaults.cookieMaxAge()).isEqualTo(-1);
        assertThat(defaults.cookieHttpOnly()).isTrue();
        assertThat(defaults.cookieSameSite()).isEqualTo("Lax");
        assertThat(defaults.requireSerializable()).isTrue();
        assertThat(defaults.logMdcKey()).isEqualTo("sessionId");
        assertThat(defaults.logId()).isEqualTo("fingerprint");
    }

    @Test
    void builderSetsEveryValueAndToBuilderKeepsThem() {
        SessionConfiguration configuration = SessionConfiguration.builder()
                .secret("s3cret-s3cret").secure(false).saveUninitialized(true).resave(true).rolling(true)
                .timeout(Duration.ofSeconds(90)).cookieName("SID").cookiePath("/shop").cookieDomain("example.com")
                .cookieMaxAge(3600).cookieHttpOnly(false).cookieSameSite("strict").requireSerializable(false)
                .logMdcKey("sid").logId("RAW")
                .build();

        SessionConfiguration copy = configuration.toBuilder().build();

        for (SessionConfiguration c : new SessionConfiguration[] {configuration, copy}) {
            assertThat(c.secret()).isEqualTo("s3cret-s3cret");
            assertThat(c.secure()).isFalse();
            assertThat(c.saveUninitialized()).isTrue();
            assertThat(c.resave()).isTrue();
            assertThat(c.rolling()).isTrue();
            assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(c.cookieName()).isEqualTo("SID");
            assertThat(c.cookiePath()).isEqualTo("/shop");
            assertThat(c.cookieDomain()).isEqualTo("example.com");
            assertThat(c.cookieMaxAge()).isEqualTo(3600);
            assertThat(c.cookieHttpOnly()).isFalse();
            assertThat(c.cookieSameSite()).isEqualTo("Strict");
            assertThat(c.requireSerializable()).isFalse();
            assertThat(c.logMdcKey()).isEqualTo("sid");
            assertThat(c.logId()).isEqualTo("raw");
        }
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(SessionConfiguration.builder().secret("top-secret").build().toString())
                .contains("secret=***").doesNotContain("top-secret");
    }

    @Test
    void unknownSameSiteIsRefusedNamingPropertyValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> SessionConfiguration.builder().cookieSameSite("Loose").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("voltage.session.cookie.same-site is 'Loose', which is not allowed: "
                        + "use Strict, Lax or None (in any case).");
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefused() {
        assertThatThrownBy(() -> SessionConfiguration.builder().cookieSameSite("None").secure(false).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("voltage.session.cookie.same-site is 'None' while voltage.session.secure is false: "
                        + "browsers refuse SameSite=None cookies that are not Secure. Set voltage.session.secure=true, "
                        + "or use Lax or Strict.");
        assertThat(SessionConfiguration.builder().cookieSameSite("none").build().cookieSameSite()).isEqualTo("None");
    }

    @Test
    void timeoutMustBePositiveAndWholeSeconds() {
        for (Duration bad : new Duration[] {Duration.ofSeconds(-5), Duration.ZERO, Duration.ofMillis(1500)}) {
            assertThatThrownBy(() -> SessionConfiguration.builder().timeout(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("voltage.session.timeout is '" + bad + "', which is not allowed: "
                            + "use a positive whole number of seconds, such as 1800 or PT30M.");
        }
    }

    @Test
    void otherBadValuesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> SessionConfiguration.builder().cookieMaxAge(0).build())
                .hasMessageStartingWith("voltage.session.cookie.max-age is '0', which is not allowed");
        assertThatThrownBy(() -> SessionConfiguration.builder().cookieName("my cookie").build())
                .hasMessageStartingWith("voltage.session.cookie.name is 'my cookie', which is not allowed");
        assertThatThrownBy(() -> SessionConfiguration.builder().cookiePath("shop").build())
                .hasMessageStartingWith("voltage.session.cookie.path is 'shop', which is not allowed");
        assertThatThrownBy(() -> SessionConfiguration.builder().secret(" ").build())
                .hasMessageStartingWith("voltage.session.secret is ' ', which is not allowed");
        assertThatThrownBy(() -> SessionConfiguration.builder().logId("hashed").build())
                .hasMessage("voltage.session.log.id is 'hashed', which is not allowed: use fingerprint, raw or none.");
        assertThatThrownBy(() -> SessionConfiguration.builder().logMdcKey("session id").build())
                .hasMessageStartingWith("voltage.session.log.mdc-key is 'session id', which is not allowed");
    }
}
