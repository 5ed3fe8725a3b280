package dev.voltage.session.internal.config;

import dev.voltage.session.SessionConfiguration;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the configuration when the application starts, before the container creates any
 * session: an application's {@code @Produces SessionConfiguration} wins, otherwise the
 * {@code voltage.session.*} properties are read. Then it hands the session cookie's settings to the
 * container. A bad value fails the deployment; a setting that weakens security gets one warning.
 * Registered by {@link dev.voltage.session.internal.WebRegistration}, which first lets it
 * {@link #prepare} the container: a listener added by an initializer may not configure the
 * session itself (Undertow refuses {@code getSessionCookieConfig()} there), so what needs the
 * container's permission is taken while the initializer has it.
 */
public class ContainerSetup implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerSetup.class);

    private SessionCookieConfig cookieConfig;

    @Inject
    Instance<SessionConfiguration> produced;

    @Inject
    ActiveConfiguration settings;

    /**
     * Does, while the container's initializers run, what only they may do: restricts session
     * tracking to the cookie and takes the session cookie's configuration, to be filled in when
     * the application starts.
     *
     * @param context the application's context, in a {@code ServletContainerInitializer}
     */
    public void prepare(ServletContext context) {
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        cookieConfig = context.getSessionCookieConfig();
    }

    @Inject
    Event<ConfigurationApplied> applied;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (produced.isAmbiguous()) {
            throw new IllegalStateException("voltage-session cannot start: the application produces more than one "
                    + "SessionConfiguration; keep one @Produces SessionConfiguration.");
        }
        SessionConfiguration configuration;
        Optional<String> insecureProfile = Optional.empty();
        if (produced.isResolvable()) {
            configuration = produced();
        } else {
            ConfigurationReader reader = new ConfigurationReader(properties(context));
            configuration = checked(reader::read, "");
            insecureProfile = reader.insecureProfile();
        }
        settings.use(configuration);
        String application = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        WeakSettings.of(configuration, insecureProfile, application).forEach(LOG::warn);
        if (cookieConfig == null) {
            prepare(context); // a listener the application declared itself may
        }
        applyCookie(configuration, cookieConfig);
        applied.fire(new ConfigurationApplied(configuration, context));
    }

    /** The application's configuration, which its own {@code build()} has checked. */
    private SessionConfiguration produced() {
        SessionConfiguration configuration =
                checked(produced::get, "the application's @Produces SessionConfiguration: ");
        if (configuration == null) {
            throw new IllegalStateException("voltage-session cannot start: the application's @Produces "
                    + "SessionConfiguration returned null; return SessionConfiguration.defaults() for the defaults.");
        }
        return configuration;
    }

    /**
     * Gets a configuration, turning a bad value into a failed deployment that says which (a
     * producer's exception may come wrapped by the container).
     */
    private static SessionConfiguration checked(Supplier<SessionConfiguration> configuration, String origin) {
        try {
            return configuration.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException bad) {
                    throw new IllegalStateException("voltage-session cannot start: " + origin + bad.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private static Function<String, Optional<String>> properties(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        return MicroProfileProperties.available(loader)
                ? MicroProfileProperties.of(loader)
                : name -> Optional.ofNullable(context.getInitParameter(name));
    }

    private static void applyCookie(SessionConfiguration configuration, SessionCookieConfig cookie) {
        if (configuration.cookieName() != null) {
            cookie.setName(configuration.cookieName());
        }
        if (configuration.cookiePath() != null) {
            cookie.setPath(configuration.cookiePath());
        }
        if (configuration.cookieDomain() != null) {
            cookie.setDomain(configuration.cookieDomain());
        }
        cookie.setMaxAge(configuration.cookieMaxAge());
        cookie.setHttpOnly(configuration.cookieHttpOnly());
        cookie.setSecure(configuration.secure());
        cookie.setAttribute("SameSite", configuration.cookieSameSite());
    }
}
