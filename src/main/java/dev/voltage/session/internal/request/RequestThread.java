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

    private static final ThreadLocal<HttpServletRequest> SERVING = new ThreadLocal<>();

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

    /**
     * Returns the request this thread is serving.
     *
     * @return the request, or {@code null} outside a request
     */
    public static HttpServletRequest current() {
        return SERVING.get();
    }
}
