package dev.voltage.session.internal.config;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.ApplicationSingleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The configuration this application runs with, set once at start-up by {@link ContainerSetup}, and
 * the secret it implies.
 */
@ApplicationSingleton
public class ActiveConfiguration {

    private volatile SessionConfiguration configuration = SessionConfiguration.defaults();
    private volatile String secret;

    /**
     * Returns the configuration in force.
     *
     * @return the configuration; the defaults until start-up set it
     */
    public SessionConfiguration configuration() {
        return configuration;
    }

    /**
     * Puts a configuration in force, with a random secret for this server when it sets none (the
     * deployment has warned about that).
     *
     * @param configuration the checked configuration
     */
    public void use(SessionConfiguration configuration) {
        this.configuration = configuration;
        this.secret = configuration.secret() != null ? configuration.secret() : randomSecret();
    }

    /**
     * Returns the key of the log fingerprint: the configured secret, or one made at random for this
     * server.
     *
     * @return the secret
     */
    public String secret() {
        String known = secret;
        return known != null ? known : firstSecret();
    }

    /** Before start-up has put a configuration in force (tests without a container), a random secret. */
    private synchronized String firstSecret() {
        if (secret == null) {
            secret = randomSecret();
        }
        return secret;
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Returns the inactivity timeout sessions get: the configured one, or the container's.
     *
     * @param containerMinutes the container's default, in minutes
     * @return the timeout
     */
    public Duration timeoutOr(int containerMinutes) {
        Duration configured = configuration.timeout();
        return configured != null ? configured : Duration.ofMinutes(containerMinutes);
    }
}
