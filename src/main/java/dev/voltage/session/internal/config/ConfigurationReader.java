package dev.voltage.session.internal.config;

import static dev.voltage.session.SessionConfiguration.*;

import dev.voltage.session.SessionConfiguration;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the {@code voltage.session.*} properties, whatever holds them (MicroProfile Config, servlet
 * context init parameters), into a {@link SessionConfiguration}. It only turns text into values:
 * every check of the values is {@link SessionConfiguration.Builder#build()}'s.
 */
final class ConfigurationReader {

    /** The MicroProfile Config property that names the active profile. */
    static final String PROFILE = "mp.config.profile";

    private static final Set<String> INSECURE_PROFILES = Set.of("dev", "test");
    private static final Pattern SECONDS = Pattern.compile("[+-]?\\d+");

    private final Function<String, Optional<String>> properties;

    /**
     * @param properties looks a property up by name; empty when it is not set
     */
    ConfigurationReader(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    /**
     * Reads every property, with its default when it is not set.
     *
     * @throws IllegalArgumentException naming the property, the value and what is allowed: here
     *                                  for a text that is no boolean, number or duration at all,
     *                                  from {@code build()} for every other bad value
     */
    SessionConfiguration read() {
        SessionConfiguration.Builder builder = SessionConfiguration.builder();
        text(SECRET).ifPresent(builder::secret);
        builder.secure(bool(SECURE).orElse(insecureProfile().isEmpty()));
        bool(SAVE_UNINITIALIZED).ifPresent(builder::saveUninitialized);
        bool(RESAVE).ifPresent(builder::resave);
        bool(ROLLING).ifPresent(builder::rolling);
        duration(TIMEOUT).ifPresent(builder::timeout);
        duration(ABSOLUTE_TIMEOUT).ifPresent(builder::absoluteTimeout);
        text(COOKIE_NAME).ifPresent(builder::cookieName);
        text(COOKIE_PATH).ifPresent(builder::cookiePath);
        text(COOKIE_DOMAIN).ifPresent(builder::cookieDomain);
        integer(COOKIE_MAX_AGE).ifPresent(builder::cookieMaxAge);
        bool(COOKIE_HTTP_ONLY).ifPresent(builder::cookieHttpOnly);
        text(COOKIE_SAME_SITE).ifPresent(builder::cookieSameSite);
        bool(REQUIRE_SERIALIZABLE).ifPresent(builder::requireSerializable);
        text(LOG_MDC_KEY).ifPresent(builder::logMdcKey);
        text(LOG_ID).ifPresent(builder::logId);
        text(USERS_STORE).ifPresent(builder::usersStore);
        text(USERS_DATA_SOURCE).ifPresent(builder::usersDataSource);
        text(USERS_TABLE).ifPresent(builder::usersTable);
        duration(USERS_REFRESH).ifPresent(builder::usersRefresh);
        duration(LOCK_TIMEOUT).ifPresent(builder::lockTimeout);
        return builder.build();
    }

    /**
     * Tells which profile turned the cookie's {@code Secure} off: the {@code dev} or {@code test}
     * profile, when {@value SessionConfiguration#SECURE} is not set.
     *
     * @return the profile's name; empty when the profile did not decide
     */
    Optional<String> insecureProfile() {
        if (text(SECURE).isPresent()) {
            return Optional.empty();
        }
        return text(PROFILE).filter(INSECURE_PROFILES::contains);
    }

    private Optional<String> text(String name) {
        return properties.apply(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    private Optional<Boolean> bool(String name) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw notA(name, value, "true or false");
        });
    }

    private Optional<Integer> integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw notA(name, value, "a whole number, such as 3600 or -1");
            }
        });
    }

    private Optional<Duration> duration(String name) {
        return text(name).map(value -> {
            try {
                return SECONDS.matcher(value).matches()
                        ? Duration.ofSeconds(Long.parseLong(value))
                        : Duration.parse(value);
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                throw notA(name, value, "a number of seconds, such as 1800, or an ISO-8601 duration, such as PT30M");
            }
        });
    }

    /** The error of a text that is not the kind of value the property takes. */
    private static IllegalArgumentException notA(String property, String value, String allowed) {
        StringBuilder shown = new StringBuilder();
        value.chars()
                .forEach(c -> shown.append(
                        Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return new IllegalArgumentException(
                property + " is '" + shown + "', which is not allowed: use " + allowed + ".");
    }
}
