package dev.voltage.session.internal;

import dev.voltage.session.internal.config.ContainerSetup;
import dev.voltage.session.internal.config.SessionTimeoutListener;
import dev.voltage.session.internal.context.AsyncDispatchFilter;
import dev.voltage.session.internal.context.RequestCompletionListener;
import dev.voltage.session.internal.cookie.SessionCookieFilter;
import dev.voltage.session.internal.lifetime.EndedSessionCookieFilter;
import dev.voltage.session.internal.lifetime.LifetimeListener;
import dev.voltage.session.internal.logging.SessionEventsListener;
import dev.voltage.session.internal.request.SessionRequestListener;
import dev.voltage.session.internal.users.UserSessionsListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the library's listeners and its filter in every web application that holds the jar,
 * whether or not the container scans annotations ({@code metadata-complete} web.xml): the
 * container runs it from {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 * The container creates the listeners and the filter itself, so CDI injects them.
 *
 * <p>The filter is mapped to every request before the application's own filters, so the response
 * it wraps is the one they write to, even when one of them commits the response early.
 */
public class WebRegistration implements ServletContainerInitializer {

    /** The name of the library's filter among the application's filters. */
    public static final String FILTER_NAME = "voltage-session";

    /** Creates the initializer; the container does. */
    public WebRegistration() {}

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            ContainerSetup setup = context.createListener(ContainerSetup.class);
            setup.prepare(context);
            context.addListener(setup);
            context.addListener(SessionTimeoutListener.class);
            context.addListener(SessionEventsListener.class);
            context.addListener(SessionRequestListener.class);
            context.addListener(LifetimeListener.class);
            context.addListener(UserSessionsListener.class);
            context.addListener(RequestCompletionListener.class);
            registerFilter(context);
            addFilter(context, "voltage-session-lifetime", EndedSessionCookieFilter.class, DispatcherType.REQUEST);
            addFilter(context, "voltage-session-async-dispatch", AsyncDispatchFilter.class, DispatcherType.ASYNC);
        } catch (RuntimeException e) {
            throw new ServletException(
                    "voltage-session cannot register its listeners and its filter in "
                            + describe(context) + ": " + e
                            + ". Session needs them on every request; deploy the jar in the "
                            + "application's WEB-INF/lib and let the container run its ServletContainerInitializer "
                            + "(a web.xml <absolute-ordering> must name the jar or hold <others/>).",
                    e);
        }
    }

    private static void registerFilter(ServletContext context) throws ServletException {
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, SessionCookieFilter.class);
        if (filter == null) {
            FilterRegistration existing = context.getFilterRegistration(FILTER_NAME);
            String declared = existing == null ? null : existing.getClassName();
            if (SessionCookieFilter.class.getName().equals(declared)) {
                return; // the application maps the library's filter itself, where it wants it
            }
            throw new ServletException("voltage-session cannot register its filter in " + describe(context)
                    + ": the application already has a filter named '" + FILTER_NAME + "' (" + declared
                    + "); rename that filter.");
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    /** Maps one of the library's other filters to every path, before the application's own filters. */
    private static void addFilter(
            ServletContext context, String name, Class<? extends Filter> type, DispatcherType dispatch)
            throws ServletException {
        FilterRegistration.Dynamic filter = context.addFilter(name, type);
        if (filter == null) {
            throw new ServletException("voltage-session cannot register its filter in " + describe(context)
                    + ": the application already has a filter named '" + name + "'; rename that filter.");
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(dispatch), false, "/*");
    }

    private static String describe(ServletContext context) {
        String path = context.getContextPath();
        return "the application at '" + (path == null || path.isEmpty() ? "/" : path) + "'";
    }
}
