package dev.voltage.session.internal.config;

import static dev.voltage.session.SessionConfiguration.*;

import dev.voltage.session.SessionConfiguration;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link SessionConfiguration} from {@code voltage.session.*} properties, whatever
 * holds them (MicroProfile Config, servlet context init parameters).
 */
final class ConfigurationReader {

    /** The MicroProfile Config property that names the active profile. */
    static final String PROFILE = "mp.config.profile";

    private static final Set<String> INSECURE_PROFILES = Set.of("dev", "test");

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
     * @throws IllegalArgumentException naming the property, the value and what is allowed
     */
    SessionConfiguration read() {
        SessionConfiguration.Builder builder = SessionConfiguration.builder();
        text(SECRET).ifPresent(builder::secret);
        builder.secure(bool(SECURE).orElseGet(() -> !text(PROFILE).map(INSECURE_PROFILES::contains).orElse(false)));
        bool(SAVE_UNINITIALIZED).ifPresent(builder::saveUninitialized);
        bool(RESAVE).ifPresent(builder::resave);
        bool(ROLLING).ifPresent(builder::rolling);
        text(TIMEOUT).map(value -> duration(TIMEOUT, value)).ifPresent(builder::timeout);
        text(COOKIE_NAME).ifPresent(builder::cookieName);
        text(COOKIE_PATH).ifPresent(builder::cookiePath);
        text(COOKIE_DOMAIN).ifPresent(builder::cookieDomain);
        integer(COOKIE_MAX_AGE).ifPresent(builder::cookieMaxAge);
        bool(COOKIE_HTTP_ONLY).ifPresent(builder::cookieHttpOnly);
        text(COOKIE_SAME_SITE).ifPresent(builder::cookieSameSite);
        bool(REQUIRE_SERIALIZABLE).ifPresent(builder::requireSerializable);
        text(LOG_MDC_KEY).ifPresent(builder::logMdcKey);
        text(LOG_ID).ifPresent(builder::logId);
        text(ABSOLUTE_TIMEOUT).map(value -> duration(ABSOLUTE_TIMEOUT, value)).ifPresent(builder::absoluteTimeout);
        text(USERS_STORE).ifPresent(builder::usersStore);
        text(USERS_DATASOURCE).ifPresent(builder::usersDataSource);
        text(USERS_TABLE).ifPresent(builder::usersTable);
        text(USERS_REFRESH).map(value -> duration(USERS_REFRESH, value)).ifPresent(builder::usersRefresh);
        return builder.build();
    }

    private Optional<String> text(String name) {
        return properties.apply(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    private Optional<Boolean> bool(String name) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, value, "true or false");
        });
    }

    private Optional<Integer> integer(String name) {
        return text(name).map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw bad(name, value, "a whole number of seconds, such as 3600, or -1");
            }
        });
    }

    private static Duration duration(String name, String value) {
        try {
            Duration duration = value.matches("-?\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
                throw new NumberFormatException(value);
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(name, value, "a positive whole number of seconds, such as 1800 or PT30M");
        }
    }

    private static IllegalArgumentException bad(String property, String value, String allowed) {
        return new IllegalArgumentException(property + " is '" + value + "', which is not allowed: use " + allowed + ".");
    }
}
