package dev.voltage.session.internal.config;

import dev.voltage.session.SessionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration this application runs with, set once at start-up by {@link ContainerSetup}, and
 * the secret it implies.
 */
@ApplicationScoped
public class ActiveConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveConfiguration.class);

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
     * Puts a configuration in force.
     *
     * @param configuration the checked configuration
     */
    public void use(SessionConfiguration configuration) {
        this.configuration = configuration;
        this.secret = configuration.secret();
    }

    /**
     * Returns the key of the log fingerprint: the configured secret, or one made at random for this
     * server (with a warning, since fingerprints then differ between servers and restarts).
     *
     * @return the secret
     */
    public String secret() {
        String configured = secret;
        return configured != null ? configured : randomSecret();
    }

    private synchronized String randomSecret() {
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            LOG.warn("{} is not set, so session log fingerprints use a random key: they differ between servers and "
                    + "after a restart. Set it to a long random string shared by your servers.", SessionConfiguration.SECRET);
        }
        return secret;
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
