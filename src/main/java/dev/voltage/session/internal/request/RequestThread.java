package dev.voltage.session.internal.request;

import dev.voltage.session.internal.cookie.SessionCookieFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP request the current thread is serving, from the moment the container starts serving
 * it until it is done ({@link SessionRequestListener}) or goes asynchronous
 * ({@link SessionCookieFilter}), when another thread will finish it.
 *
 * <p>It lets the request-scoped beans of the library find their request when they are first
 * used, so that requests that never touch {@code Session} create none of them.
 */
public final class RequestThread {

    /** The message of the exception thrown where the library's request listener never ran in this application. */
    public static final String LISTENER_NOT_REGISTERED = "Session cannot see the HTTP request: voltage-session's "
            + "request listener has not run in this application. The jar registers it from its "
            + "ServletContainerInitializer (META-INF/services/jakarta.servlet.ServletContainerInitializer), which the "
            + "container did not run: keep the jar in WEB-INF/lib, and where web.xml has an <absolute-ordering>, "
            + "name the jar there or add <others/>.";

    private static final ThreadLocal<HttpServletRequest> SERVING = new ThreadLocal<>();

    /** Whether the container created the library's request listener, which registration implies. */
    private static volatile boolean listenerRegistered;

    private RequestThread() {
    }

    /**
     * Records that this thread starts serving a request.
     *
     * @param request the request
     */
    public static void begin(HttpServletRequest request) {
        SERVING.set(request);
    }

    /** Records that this thread is done with its request; pooled threads serve other clients next. */
    public static void end() {
        SERVING.remove();
    }

    /** Records that the container created the library's request listener. */
    static void listenerRegistered() {
        listenerRegistered = true;
    }

    /** Forgets that the listener was created, as in an application that never registered it; for tests. */
    static void forgetListener() {
        listenerRegistered = false;
    }

    /**
     * Tells whether the container created the library's request listener; without it no thread
     * ever serves a request as the library sees it.
     *
     * @return {@code true} once the listener exists
     */
    public static boolean isListenerRegistered() {
        return listenerRegistered;
    }

    /**
     * Returns the request this thread is serving.
     *
     * @return the request, or {@code null} outside a request
     */
    public static HttpServletRequest current() {
        return SERVING.get();
    }
}
