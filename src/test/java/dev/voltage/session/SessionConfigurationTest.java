package dev.voltage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionConfigurationTest {

    private static void refused(UnaryOperator<SessionConfiguration.Builder> settings, String message) {
        assertThatThrownBy(() -> settings.apply(SessionConfiguration.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void defaultsAreTheSpecsDefaults() {
        SessionConfiguration defaults = SessionConfiguration.defaults();

        assertThat(defaults.secret()).isNull();
        assertThat(defaults.secure()).isTrue();
        assertThat(defaults.saveUninitialized()).isFalse();
        assertThat(defaults.resave()).isFalse();
        assertThat(defaults.rolling()).isFalse();
        assertThat(defaults.timeout()).isNull();
        assertThat(defaults.absoluteTimeout()).isNull();
        assertThat(defaults.cookieName()).isNull();
        assertThat(defaults.cookiePath()).isNull();
        assertThat(defaults.cookieDomain()).isNull();
        assertThat(defaults.cookieMaxAge()).isEqualTo(-1);
        assertThat(defaults.cookieHttpOnly()).isTrue();
        assertThat(defaults.cookieSameSite()).isEqualTo("Lax");
        assertThat(defaults.requireSerializable()).isTrue();
        assertThat(defaults.logMdcKey()).isEqualTo("sessionId");
        assertThat(defaults.logId()).isEqualTo("fingerprint");
        assertThat(defaults.usersStore()).isEqualTo("memory");
        assertThat(defaults.usersDataSource()).isEqualTo("java:comp/DefaultDataSource");
        assertThat(defaults.usersTable()).isEqualTo("voltage_user_sessions");
        assertThat(defaults.usersRefresh()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void builderSetsEveryValueAndToBuilderKeepsThem() {
        SessionConfiguration configuration = SessionConfiguration.builder()
                .secret("s3cret-s3cret")
                .secure(false)
                .saveUninitialized(true)
                .resave(true)
                .rolling(true)
                .timeout(Duration.ofSeconds(90))
                .absoluteTimeout(Duration.ofHours(8))
                .cookieName("SID")
                .cookiePath("/shop")
                .cookieDomain("example.com")
                .cookieMaxAge(3600)
                .cookieHttpOnly(false)
                .cookieSameSite("strict")
                .requireSerializable(false)
                .logMdcKey("sid")
                .logId("RAW")
                .usersStore("JDBC")
                .usersDataSource("java:jboss/datasources/ExampleDS")
                .usersTable("Device_Sessions2")
                .usersRefresh(Duration.ofMillis(500))
                .build();

        SessionConfiguration copy = configuration.toBuilder().build();

        for (SessionConfiguration c : new SessionConfiguration[] {configuration, copy}) {
            assertThat(c.secret()).isEqualTo("s3cret-s3cret");
            assertThat(c.secure()).isFalse();
            assertThat(c.saveUninitialized()).isTrue();
            assertThat(c.resave()).isTrue();
            assertThat(c.rolling()).isTrue();
            assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(c.absoluteTimeout()).isEqualTo(Duration.ofHours(8));
            assertThat(c.cookieName()).isEqualTo("SID");
            assertThat(c.cookiePath()).isEqualTo("/shop");
            assertThat(c.cookieDomain()).isEqualTo("example.com");
            assertThat(c.cookieMaxAge()).isEqualTo(3600);
            assertThat(c.cookieHttpOnly()).isFalse();
            assertThat(c.cookieSameSite()).isEqualTo("Strict");
            assertThat(c.requireSerializable()).isFalse();
            assertThat(c.logMdcKey()).isEqualTo("sid");
            assertThat(c.logId()).isEqualTo("raw");
            assertThat(c.usersStore()).isEqualTo("jdbc");
            assertThat(c.usersDataSource()).isEqualTo("java:jboss/datasources/ExampleDS");
            assertThat(c.usersTable()).isEqualTo("Device_Sessions2");
            assertThat(c.usersRefresh()).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(SessionConfiguration.builder().secret("top-secret").build().toString())
                .contains("secret=***")
                .doesNotContain("top-secret");
    }

    @Test
    void settingsThatWeakenSecurityAreAllowed() {
        SessionConfiguration weak = SessionConfiguration.builder()
                .cookieHttpOnly(false)
                .cookieSameSite("None")
                .logId("raw")
                .build();

        assertThat(weak.cookieSameSite()).isEqualTo("None");
        assertThat(SessionConfiguration.builder().secure(false).build().secure())
                .isFalse();
    }

    @Test
    void unknownSameSiteIsRefusedNamingPropertyValueAndWhatIsAllowed() {
        refused(
                b -> b.cookieSameSite("Loose"),
                "voltage.session.cookie.same-site is 'Loose', which is not allowed: "
                        + "use Strict, Lax or None (in any case).");
        refused(
                b -> b.cookieSameSite(null),
                "voltage.session.cookie.same-site is not set, which is not allowed: "
                        + "use Strict, Lax or None (in any case).");
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefused() {
        refused(
                b -> b.cookieSameSite("None").secure(false),
                "voltage.session.cookie.same-site is 'None' while voltage.session.secure is false: "
                        + "browsers refuse SameSite=None cookies that are not Secure. Set voltage.session.secure=true, "
                        + "or use Lax or Strict.");
        assertThat(SessionConfiguration.builder().cookieSameSite("none").build().cookieSameSite())
                .isEqualTo("None");
    }

    @Test
    void timeoutMustBePositiveAndWholeSeconds() {
        String allowed = ", which is not allowed: use a positive whole number of seconds, such as 1800 or PT30M.";
        refused(b -> b.timeout(Duration.ofSeconds(-5)), "voltage.session.timeout is '-5'" + allowed);
        refused(b -> b.timeout(Duration.ZERO), "voltage.session.timeout is '0'" + allowed);
        refused(b -> b.timeout(Duration.ofMillis(1500)), "voltage.session.timeout is 'PT1.5S'" + allowed);
        refused(
                b -> b.timeout(Duration.ofSeconds(Integer.MAX_VALUE + 1L)),
                "voltage.session.timeout is '2147483648'" + allowed);
    }

    @Test
    void absoluteTimeoutMustBePositiveOrNone() {
        refused(
                b -> b.absoluteTimeout(Duration.ZERO),
                "voltage.session.absolute-timeout is '0', which is not allowed: "
                        + "use a positive duration, such as 28800 (seconds) or PT8H, or no value for none.");
        refused(
                b -> b.absoluteTimeout(Duration.ofHours(-1)),
                "voltage.session.absolute-timeout is '-3600', which is "
                        + "not allowed: use a positive duration, such as 28800 (seconds) or PT8H, or no value for none.");
        assertThat(SessionConfiguration.builder()
                        .absoluteTimeout(Duration.ofMillis(1500))
                        .absoluteTimeout(null)
                        .build()
                        .absoluteTimeout())
                .isNull();
    }

    @Test
    void cookieNameMustBeAToken() {
        for (String name : new String[] {"my cookie", "SID;Path=/", "a=b", "s\u00e9ssion", "SID\r\n", ""}) {
            assertThatThrownBy(() ->
                            SessionConfiguration.builder().cookieName(name).build())
                    .hasMessageStartingWith("voltage.session.cookie.name is '")
                    .hasMessageEndingWith("', which is not allowed: use a cookie name of letters, digits and "
                            + "!#$%&'*+-.^_`|~, such as SESSION.");
        }
    }

    @Test
    void cookiePathMustStartWithASlashAndHoldNoSemicolonOrControlCharacter() {
        String allowed = ", which is not allowed: use a path starting with '/', without ';' or control characters, "
                + "such as /shop.";
        refused(b -> b.cookiePath("shop"), "voltage.session.cookie.path is 'shop'" + allowed);
        refused(
                b -> b.cookiePath("/shop;Domain=evil.example"),
                "voltage.session.cookie.path is '/shop;Domain=evil.example'" + allowed);
        refused(
                b -> b.cookiePath("/shop\r\nX-Forged: 1"),
                "voltage.session.cookie.path is '/shop\\u000d\\u000aX-Forged: 1'" + allowed);
        refused(b -> b.cookiePath("/shop\u0000"), "voltage.session.cookie.path is '/shop\\u0000'" + allowed);
        assertThat(SessionConfiguration.builder().cookiePath("/").build().cookiePath())
                .isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com;Secure", "example .com", "example.com\t", "\u0007example.com", ""})
    void cookieDomainMayHoldNoSemicolonWhitespaceOrControlCharacter(String domain) {
        assertThatThrownBy(() ->
                        SessionConfiguration.builder().cookieDomain(domain).build())
                .hasMessageStartingWith("voltage.session.cookie.domain is '")
                .hasMessageEndingWith("', which is not allowed: use a domain without ';', whitespace or control "
                        + "characters, such as example.com, or no value.");
    }

    @Test
    void hostPrefixNeedsSecureNoDomainAndTheRootPath() {
        refused(
                b -> b.cookieName("__Host-SID").cookiePath("/").secure(false),
                "voltage.session.cookie.name is '__Host-SID' while voltage.session.secure is false: browsers refuse "
                        + "__Host- cookies that are not Secure. Set voltage.session.secure=true, or use a name without "
                        + "the __Host- prefix.");
        refused(
                b -> b.cookieName("__Host-SID").cookiePath("/").cookieDomain("example.com"),
                "voltage.session.cookie.name is '__Host-SID' while voltage.session.cookie.domain is 'example.com': "
                        + "browsers refuse __Host- cookies with a Domain. Leave voltage.session.cookie.domain unset, "
                        + "or use the __Secure- prefix.");
        refused(
                b -> b.cookieName("__Host-SID").cookiePath("/shop"),
                "voltage.session.cookie.name is '__Host-SID' while voltage.session.cookie.path is '/shop': browsers "
                        + "refuse __Host- cookies whose Path is not /, and the container's path is the context path. "
                        + "Set voltage.session.cookie.path=/, or use the __Secure- prefix.");
        refused(
                b -> b.cookieName("__host-SID"),
                "voltage.session.cookie.name is '__host-SID' while voltage.session.cookie.path is not set: browsers "
                        + "refuse __Host- cookies whose Path is not /, and the container's path is the context path. "
                        + "Set voltage.session.cookie.path=/, or use the __Secure- prefix.");

        assertThat(SessionConfiguration.builder()
                        .cookieName("__Host-SID")
                        .cookiePath("/")
                        .build()
                        .cookieName())
                .isEqualTo("__Host-SID");
    }

    @Test
    void securePrefixNeedsSecure() {
        refused(
                b -> b.cookieName("__Secure-SID").secure(false),
                "voltage.session.cookie.name is '__Secure-SID' while voltage.session.secure is false: browsers refuse "
                        + "__Secure- cookies that are not Secure. Set voltage.session.secure=true, or use a name "
                        + "without the __Secure- prefix.");
        refused(
                b -> b.cookieName("__SECURE-SID").secure(false),
                "voltage.session.cookie.name is '__SECURE-SID' while voltage.session.secure is false: browsers refuse "
                        + "__Secure- cookies that are not Secure. Set voltage.session.secure=true, or use a name "
                        + "without the __Secure- prefix.");

        SessionConfiguration secure = SessionConfiguration.builder()
                .cookieName("__Secure-SID")
                .cookiePath("/shop")
                .cookieDomain("example.com")
                .build();
        assertThat(secure.cookieName()).isEqualTo("__Secure-SID");
    }

    @Test
    void usersSettingsAreChecked() {
        refused(
                b -> b.usersStore("redis"),
                "voltage.session.users.store is 'redis', which is not allowed: " + "use memory or jdbc.");
        refused(
                b -> b.usersDataSource(" "),
                "voltage.session.users.datasource is ' ', which is not allowed: "
                        + "use the JNDI name of a DataSource, such as java:comp/DefaultDataSource.");
        refused(
                b -> b.usersRefresh(Duration.ZERO),
                "voltage.session.users.refresh is '0', which is not allowed: "
                        + "use a positive duration, such as 1 (seconds) or PT1S.");
        refused(
                b -> b.usersRefresh(null),
                "voltage.session.users.refresh is not set, which is not allowed: "
                        + "use a positive duration, such as 1 (seconds) or PT1S.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sessions; DROP TABLE users",
                "1sessions",
                "_sessions",
                "user-sessions",
                "public.sessions",
                "\"quoted\"",
                "s\u00e9ssions",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void usersTableMustBeAnSqlIdentifier(String table) {
        assertThatThrownBy(
                        () -> SessionConfiguration.builder().usersTable(table).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("voltage.session.users.table is '" + table + "', which is not allowed: use an SQL "
                        + "identifier: a letter, then at most 62 letters, digits and underscores, such as "
                        + "voltage_user_sessions.");
    }

    @Test
    void otherBadValuesAreRefusedNamingTheProperty() {
        refused(
                b -> b.cookieMaxAge(0),
                "voltage.session.cookie.max-age is '0', which is not allowed: "
                        + "use a positive number of seconds, or -1 for a browser session.");
        refused(
                b -> b.secret(" "),
                "voltage.session.secret is ' ', which is not allowed: "
                        + "use a non-blank secret (a long random string), or no value for a random one.");
        refused(
                b -> b.logId("hashed"),
                "voltage.session.log.id is 'hashed', which is not allowed: " + "use fingerprint, raw or none.");
        refused(
                b -> b.logMdcKey("session id"),
                "voltage.session.log.mdc-key is 'session id', which is not allowed: "
                        + "use a key without spaces, such as sessionId.");
        refused(
                b -> b.logMdcKey(null),
                "voltage.session.log.mdc-key is not set, which is not allowed: "
                        + "use a key without spaces, such as sessionId.");
    }
}
