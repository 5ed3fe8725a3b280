package dev.voltage.session.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.SessionConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationReaderTest {

    private final Map<String, String> properties = new HashMap<>();

    private ConfigurationReader reader() {
        return new ConfigurationReader(name -> Optional.ofNullable(properties.get(name)));
    }

    private SessionConfiguration read() {
        return reader().read();
    }

    @Test
    void withoutPropertiesEveryDefaultHolds() {
        assertThat(read().toString()).isEqualTo(SessionConfiguration.defaults().toString());
    }

    @Test
    void everyPropertyIsRead() {
        properties.put("voltage.session.secret", "a-long-random-secret");
        properties.put("voltage.session.secure", "false");
        properties.put("voltage.session.save-uninitialized", "TRUE");
        properties.put("voltage.session.resave", "true");
        properties.put("voltage.session.rolling", "true");
        properties.put("voltage.session.timeout", "PT90S");
        properties.put("voltage.session.absolute-timeout", "28800");
        properties.put("voltage.session.cookie.name", "SID");
        properties.put("voltage.session.cookie.path", "/shop");
        properties.put("voltage.session.cookie.domain", "example.com");
        properties.put("voltage.session.cookie.max-age", " 3600 ");
        properties.put("voltage.session.cookie.http-only", "false");
        properties.put("voltage.session.cookie.same-site", "STRICT");
        properties.put("voltage.session.require-serializable", "false");
        properties.put("voltage.session.log.mdc-key", "sid");
        properties.put("voltage.session.log.id", "none");
        properties.put("voltage.session.users.store", "jdbc");
        properties.put("voltage.session.users.datasource", "java:jboss/datasources/ExampleDS");
        properties.put("voltage.session.users.table", "devices");
        properties.put("voltage.session.users.refresh", "PT0.5S");

        SessionConfiguration c = read();

        assertThat(c.secret()).isEqualTo("a-long-random-secret");
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
        assertThat(c.logId()).isEqualTo("none");
        assertThat(c.usersStore()).isEqualTo("jdbc");
        assertThat(c.usersDataSource()).isEqualTo("java:jboss/datasources/ExampleDS");
        assertThat(c.usersTable()).isEqualTo("devices");
        assertThat(c.usersRefresh()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anEmptyValueIsNoValue() {
        properties.put("voltage.session.secret", "  ");
        properties.put("voltage.session.timeout", "");

        assertThat(read().toString()).isEqualTo(SessionConfiguration.defaults().toString());
    }

    @ParameterizedTest
    @CsvSource({"dev,false", "test,false", "prod,true", "staging,true"})
    void secureDependsOnTheProfileUnlessSet(String profile, boolean secure) {
        properties.put("mp.config.profile", profile);

        assertThat(read().secure()).isEqualTo(secure);
        assertThat(reader().insecureProfile()).isEqualTo(secure ? Optional.empty() : Optional.of(profile));

        properties.put("voltage.session.secure", "true");

        assertThat(read().secure()).isTrue();
        assertThat(reader().insecureProfile()).isEmpty();
    }

    @Test
    void anExplicitSecureFalseIsNotTheProfiles() {
        properties.put("mp.config.profile", "dev");
        properties.put("voltage.session.secure", "false");

        assertThat(read().secure()).isFalse();
        assertThat(reader().insecureProfile()).isEmpty();
    }

    @Test
    void durationsInSecondsOrIso() {
        properties.put("voltage.session.timeout", "1800");
        properties.put("voltage.session.absolute-timeout", "PT8H");
        properties.put("voltage.session.users.refresh", "2");

        assertThat(read().timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(read().absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(read().usersRefresh()).isEqualTo(Duration.ofSeconds(2));

        properties.put("voltage.session.timeout", "PT30M");
        assertThat(read().timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "voltage.session.timeout|half an hour|voltage.session.timeout is 'half an hour', which is not allowed: use a number of seconds, such as 1800, or an ISO-8601 duration, such as PT30M.",
                "voltage.session.timeout|30m|voltage.session.timeout is '30m', which is not allowed: use a number of seconds, such as 1800, or an ISO-8601 duration, such as PT30M.",
                "voltage.session.absolute-timeout|99999999999999999999|voltage.session.absolute-timeout is '99999999999999999999', which is not allowed: use a number of seconds, such as 1800, or an ISO-8601 duration, such as PT30M.",
                "voltage.session.users.refresh|1s|voltage.session.users.refresh is '1s', which is not allowed: use a number of seconds, such as 1800, or an ISO-8601 duration, such as PT30M.",
                "voltage.session.cookie.max-age|abc|voltage.session.cookie.max-age is 'abc', which is not allowed: use a whole number, such as 3600 or -1.",
                "voltage.session.rolling|yes|voltage.session.rolling is 'yes', which is not allowed: use true or false.",
                "voltage.session.secure|on|voltage.session.secure is 'on', which is not allowed: use true or false."
            })
    void aTextThatIsNotTheKindOfValueIsRefusedNamingPropertyValueAndWhatIsAllowed(
            String property, String value, String message) {
        properties.put(property, value);

        assertThatThrownBy(this::read)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "voltage.session.timeout|-5|voltage.session.timeout is '-5', which is not allowed: use a positive whole number of seconds, such as 1800 or PT30M.",
                "voltage.session.timeout|PT0.5S|voltage.session.timeout is 'PT0.5S', which is not allowed: use a positive whole number of seconds, such as 1800 or PT30M.",
                "voltage.session.absolute-timeout|0|voltage.session.absolute-timeout is '0', which is not allowed: use a positive duration, such as 28800 (seconds) or PT8H, or no value for none.",
                "voltage.session.cookie.max-age|0|voltage.session.cookie.max-age is '0', which is not allowed: use a positive number of seconds, or -1 for a browser session.",
                "voltage.session.cookie.same-site|Loose|voltage.session.cookie.same-site is 'Loose', which is not allowed: use Strict, Lax or None (in any case).",
                "voltage.session.cookie.path|/a;b|voltage.session.cookie.path is '/a;b', which is not allowed: use a path starting with '/', without ';' or control characters, such as /shop.",
                "voltage.session.users.store|redis|voltage.session.users.store is 'redis', which is not allowed: use memory or jdbc.",
                "voltage.session.users.table|my-table|voltage.session.users.table is 'my-table', which is not allowed: use an SQL identifier: a letter, then at most 62 letters, digits and underscores, such as voltage_user_sessions."
            })
    void aValueOutOfRangeIsRefusedByTheBuildersCheckWithItsMessage(String property, String value, String message) {
        properties.put(property, value);

        assertThatThrownBy(this::read)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aControlCharacterIsShownEscaped() {
        properties.put("voltage.session.rolling", "true\nFORGED LINE");

        assertThatThrownBy(this::read)
                .hasMessage("voltage.session.rolling is 'true\\u000aFORGED LINE', which is not "
                        + "allowed: use true or false.");
    }
}
