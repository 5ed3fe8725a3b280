package dev.voltage.session.internal.config;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Looks properties up in MicroProfile Config. Loaded only where the server has MicroProfile
 * Config, so the library runs without it.
 */
final class MicroProfileProperties {

    private static final String CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private MicroProfileProperties() {}

    /** Tells whether MicroProfile Config is there for the application. */
    static boolean available(ClassLoader loader) {
        try {
            Class.forName(CONFIG_PROVIDER, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The application's configuration, as a lookup by property name. */
    static Function<String, Optional<String>> of(ClassLoader loader) {
        Config config = ConfigProvider.getConfig(loader);
        return name -> config.getOptionalValue(name, String.class);
    }
}
