package dev.voltage.session.internal.request;

import dev.voltage.session.internal.cookie.SessionCookieFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BooleanSupplier;

/**
 * The HTTP request the current thread is serving, from the moment the container starts serving
 * it until it is done ({@link SessionRequestListener}) or goes asynchronous
 * ({@link SessionCookieFilter}), when another thread will finish it.
 *
 * <p>It lets the library's beans find the request when they are first used in it, so that
 * requests that never touch {@code Session} create no bean for it.
 *
 * <p>A thread may also borrow a request it does not serve ({@link #lend}): a task of a managed
 * executor runs in the context of the request that submitted it, and may outlive it.
 */
public final class RequestThread {

    /** The message of the exception thrown where the library's request listener never ran in this application. */
    public static final String LISTENER_NOT_REGISTERED = "Session cannot see the HTTP request: voltage-session's "
            + "request listener has not run in this application. The jar registers it from its "
            + "ServletContainerInitializer (META-INF/services/jakarta.servlet.ServletContainerInitializer), which the "
            + "container did not run: keep the jar in WEB-INF/lib, and where web.xml has an <absolute-ordering>, "
            + "name the jar there or add <others/>.";

    private static final ThreadLocal<HttpServletRequest> SERVING = new ThreadLocal<>();

    /** Set while the thread borrows a request it does not serve: tells whether that request has completed. */
    private static final ThreadLocal<BooleanSupplier> LENT_UNTIL = new ThreadLocal<>();

    /** The message of the exception thrown when a borrowed request has completed. */
    public static final String REQUEST_COMPLETED = "The HTTP request this task was submitted from has completed, "
            + "so Session can no longer read or write its session: the container may already serve another client "
            + "with that request. Finish the session work before the request completes (return a CompletionStage, "
            + "or resume the AsyncResponse, after it), or give the task the values it needs as arguments.";

    /** Whether the container created the library's request listener, which registration implies. */
    private static volatile boolean listenerRegistered;

    private RequestThread() {}

    /**
     * Records that this thread starts serving a request.
     *
     * @param request the request
     */
    public static void begin(HttpServletRequest request) {
        SERVING.set(request);
        LENT_UNTIL.remove();
    }

    /** Records that this thread is done with its request; pooled threads serve other clients next. */
    public static void end() {
        SERVING.remove();
        LENT_UNTIL.remove();
    }

    /**
     * Lends this thread a request it does not serve, or gives back what {@link #borrowed()}
     * returned before.
     *
     * @param request the request, or {@code null} for none
     * @param completed tells whether the request has completed; {@code null} when the thread serves it
     */
    public static void lend(HttpServletRequest request, BooleanSupplier completed) {
        if (request == null) {
            SERVING.remove();
        } else {
            SERVING.set(request);
        }
        if (completed == null) {
            LENT_UNTIL.remove();
        } else {
            LENT_UNTIL.set(completed);
        }
    }

    /**
     * Returns what tells whether the request this thread borrows has completed.
     *
     * @return that check, or {@code null} when the thread serves its request or none
     */
    public static BooleanSupplier borrowed() {
        return LENT_UNTIL.get();
    }

    /**
     * Refuses to go on with a borrowed request that has completed.
     *
     * @throws IllegalStateException if this thread borrows a request that has completed
     */
    public static void requireLive() {
        BooleanSupplier completed = LENT_UNTIL.get();
        if (completed != null && completed.getAsBoolean()) {
            throw new IllegalStateException(REQUEST_COMPLETED);
        }
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
