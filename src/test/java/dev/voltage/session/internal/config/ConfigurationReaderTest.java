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

    private SessionConfiguration read() {
        return new ConfigurationReader(name -> Optional.ofNullable(properties.get(name))).read();
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
        properties.put("voltage.session.cookie.name", "SID");
        properties.put("voltage.session.cookie.path", "/shop");
        properties.put("voltage.session.cookie.domain", "example.com");
        properties.put("voltage.session.cookie.max-age", " 3600 ");
        properties.put("voltage.session.cookie.http-only", "false");
        properties.put("voltage.session.cookie.same-site", "STRICT");
        properties.put("voltage.session.require-serializable", "false");
        properties.put("voltage.session.log.mdc-key", "sid");
        properties.put("voltage.session.log.id", "none");

        SessionConfiguration c = read();

        assertThat(c.secret()).isEqualTo("a-long-random-secret");
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
        assertThat(c.logId()).isEqualTo("none");
    }

    @ParameterizedTest
    @CsvSource({"dev,false", "test,false", "prod,true", "staging,true"})
    void secureDependsOnTheProfileUnlessSet(String profile, boolean secure) {
        properties.put("mp.config.profile", profile);

        assertThat(read().secure()).isEqualTo(secure);

        properties.put("voltage.session.secure", "true");

        assertThat(read().secure()).isTrue();
    }

    @Test
    void timeoutInSecondsOrIso() {
        properties.put("voltage.session.timeout", "1800");
        assertThat(read().timeout()).isEqualTo(Duration.ofMinutes(30));

        properties.put("voltage.session.timeout", "PT30M");
        assertThat(read().timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "voltage.session.timeout|-5|voltage.session.timeout is '-5', which is not allowed: use a positive whole number of seconds, such as 1800 or PT30M.",
        "voltage.session.timeout|half an hour|voltage.session.timeout is 'half an hour', which is not allowed: use a positive whole number of seconds, such as 1800 or PT30M.",
        "voltage.session.cookie.max-age|abc|voltage.session.cookie.max-age is 'abc', which is not allowed: use a whole number of seconds, such as 3600, or -1.",
        "voltage.session.rolling|yes|voltage.session.rolling is 'yes', which is not allowed: use true or false.",
        "voltage.session.cookie.same-site|Loose|voltage.session.cookie.same-site is 'Loose', which is not allowed: use Strict, Lax or None (in any case)."
    })
    void badValueIsRefusedNamingPropertyValueAndWhatIsAllowed(String property, String value, String message) {
        properties.put(property, value);

        assertThatThrownBy(this::read).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
