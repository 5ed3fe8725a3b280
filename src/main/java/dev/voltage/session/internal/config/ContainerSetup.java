package dev.voltage.session.internal.config;

import dev.voltage.session.SessionConfiguration;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settles the configuration when the application starts, before the container creates any
 * session: an application's {@code @Produces SessionConfiguration} wins, otherwise the
 * {@code voltage.session.*} properties are read. Then it hands the session cookie's settings to the
 * container. A bad value fails the deployment.
 */
@WebListener
public class ContainerSetup implements ServletContextListener {

    @Inject
    Instance<SessionConfiguration> produced;

    @Inject
    ActiveConfiguration settings;

    @Inject
    Event<ConfigurationApplied> applied;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        SessionConfiguration configuration;
        if (produced.isAmbiguous()) {
            throw new IllegalStateException("voltage-session cannot start: the application produces more than one "
                    + "SessionConfiguration; keep one @Produces SessionConfiguration.");
        }
        try {
            configuration = produced.isResolvable() ? produced.get() : read(context);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("voltage-session cannot start: " + e.getMessage(), e);
        }
        settings.use(configuration);
        applyCookie(configuration, context.getSessionCookieConfig());
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        applied.fire(new ConfigurationApplied(configuration, context));
    }

    private static SessionConfiguration read(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        Function<String, Optional<String>> properties = MicroProfileProperties.available(loader)
                ? MicroProfileProperties.of(loader)
                : name -> Optional.ofNullable(context.getInitParameter(name));
        return new ConfigurationReader(properties).read();
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
