package dev.voltage.session.internal.config;

import static dev.voltage.session.SessionConfiguration.*;

import dev.voltage.session.SessionConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a configuration that weaken security, each told as the warning the deployment
 * logs about it: allowed (a test setup needs some), never silent.
 */
final class WeakSettings {

    private WeakSettings() {}

    /**
     * Lists the warnings a configuration deserves, one line each, naming its property.
     *
     * @param configuration the configuration in force
     * @param insecureProfile the profile that turned {@code secure} off, if one did
     * @param application names the application in the warnings, such as its context path
     * @return the warnings; empty when nothing is weakened
     */
    static List<String> of(SessionConfiguration configuration, Optional<String> insecureProfile, String application) {
        String in = "voltage-session in " + application + ": ";
        List<String> warnings = new ArrayList<>();
        if (!configuration.secure()) {
            warnings.add(in + SECURE + " is false"
                    + insecureProfile
                            .map(profile -> " because the MicroProfile Config " + "profile is '" + profile + "'")
                            .orElse("")
                    + ": the session cookie also travels over plain HTTP, "
                    + "where anyone on the network can read it and take the session over. Set " + SECURE + "=true"
                    + insecureProfile
                            .map(profile -> " (or remove " + ConfigurationReader.PROFILE + "=" + profile + ")")
                            .orElse("")
                    + " wherever the application is served over HTTPS.");
        }
        if (!configuration.cookieHttpOnly()) {
            warnings.add(in + COOKIE_HTTP_ONLY + " is false: scripts in the page can read the session cookie, so one "
                    + "cross-site scripting flaw hands the session over. Set it to true unless a script truly needs "
                    + "the cookie.");
        }
        if (configuration.cookieSameSite().equals("None")) {
            warnings.add(in + COOKIE_SAME_SITE + " is None: browsers send the session cookie with requests that other "
                    + "sites start, which opens the door to cross-site request forgery. Use "
                    + DEFAULT_COOKIE_SAME_SITE + " or Strict unless other sites embed the application.");
        }
        if (configuration.logId().equals(LOG_ID_RAW)) {
            warnings.add(in + LOG_ID + " is raw: log lines and session events carry session ids, which are "
                    + "credentials: whoever reads the logs can take sessions over. Use " + LOG_ID_FINGERPRINT + ".");
        }
        if (configuration.secret() == null) {
            warnings.add(in + SECRET + " is not set, so session log fingerprints use a random key: they differ "
                    + "between servers and after a restart. Set it to a long random string shared by your servers.");
        }
        return warnings;
    }
}
