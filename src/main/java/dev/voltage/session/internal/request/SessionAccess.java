package dev.voltage.session.internal.request;

import dev.voltage.session.internal.cookie.RequestedSessionIds;
import dev.voltage.session.internal.cookie.SessionCookieFilter;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The library's one way to the container's session: the HTTP request the thread serves (or a
 * task borrows, {@link RequestThread}), found on first use and kept from then on, its session,
 * the response the library's filter recorded in it, and the session ids it retired.
 *
 * <p>Not a bean: the request-scoped {@code Session} makes one for its request, and the
 * application-scoped slices one per call; what they share lives in the request's attributes.
 */
public final class SessionAccess {

    /** The message of the exception thrown where no HTTP request is being served. */
    public static final String NO_HTTP_REQUEST = "Session needs an HTTP request, and this thread is not serving one. "
            + "Use Session in a JAX-RS resource, servlet, filter or a bean they call during a request, "
            + "not from a timer, a message listener or a thread of your own.";

    /** The request attribute under which {@link SessionCookieFilter} leaves the response. */
    private static final String RESPONSE_ATTRIBUTE = "dev.voltage.session.response";

    /** The request attribute that holds the ids this request deleted or replaced, which a session it creates must not take again. */
    private static final String RETIRED_IDS_ATTRIBUTE = "dev.voltage.session.retired-ids";

    /** The request attribute set once the library started a session of its own beside the one a URL named. */
    private static final String LEFT_URL_SESSION_ATTRIBUTE = "dev.voltage.session.left-url-session";

    private HttpServletRequest request;

    /**
     * Records the response being written to a request, for the bean of that request to find.
     *
     * @param request the container's request
     * @param response the response the library's filter passes on
     */
    public static void recordResponse(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RESPONSE_ATTRIBUTE, response);
    }

    /**
     * Returns the response being written.
     *
     * @return the response, or empty where the library's filter did not run (a web.xml that is
     *         metadata-complete, for example)
     */
    public Optional<HttpServletResponse> response() {
        return Optional.ofNullable((HttpServletResponse) get().getAttribute(RESPONSE_ATTRIBUTE));
    }

    /**
     * Returns the request being served.
     *
     * @return the request
     * @throws ContextNotActiveException if the request context is active without an HTTP request
     *                                   (an {@code @ActivateRequestContext} method, for example)
     * @throws IllegalStateException if a task borrows the request and it has completed
     */
    public HttpServletRequest get() {
        RequestThread.requireLive();
        if (request == null) {
            request = RequestThread.current();
        }
        if (request == null) {
            throw new ContextNotActiveException(
                    RequestThread.isListenerRegistered() ? NO_HTTP_REQUEST : RequestThread.LISTENER_NOT_REGISTERED);
        }
        return request;
    }

    /**
     * Returns the request's session when it has one that is still valid.
     *
     * @return the session, or {@code null} when there is none or it was invalidated
     */
    public HttpSession existingSession() {
        return ifSessionExists(Function.identity(), null);
    }

    /**
     * Applies an operation to the request's session, or returns {@code none} when there is no
     * session or it was invalidated (which the container reports with an
     * {@code IllegalStateException}, kept from the caller here).
     *
     * @param operation what to do with the session
     * @param none what to return without a session
     * @param <R> the result type
     * @return the operation's result, or {@code none}
     */
    public <R> R ifSessionExists(Function<HttpSession, R> operation, R none) {
        HttpSession session = get().getSession(false);
        if (session == null || joinedByUrl(session)) {
            return none;
        }
        try {
            return isValid(session) ? operation.apply(session) : none;
        } catch (IllegalStateException invalidatedMeanwhile) {
            return none;
        }
    }

    /**
     * Applies a write to the request's session, creating one when there is none (or the one there
     * was has been invalidated, even by another request a moment ago).
     *
     * @param operation what to do with the session
     */
    public void writeSession(Consumer<HttpSession> operation) {
        HttpSession session = existingSession();
        try {
            operation.accept(session != null ? session : created());
        } catch (IllegalStateException invalidatedMeanwhile) {
            try {
                operation.accept(created());
            } catch (IllegalStateException stillInvalidated) {
                // a container that hands out the ended session even after created() asked again:
                // the write is dropped rather than failing the request with the container's message
            }
        }
    }

    /**
     * Records that this request ended or re-identified the session with this id, so that a
     * session the library creates later in the request does not take the id again.
     *
     * @param sessionId the retired id
     */
    public void retire(String sessionId) {
        Set<String> retired = retiredIds();
        if (retired == null) {
            retired = new HashSet<>();
            get().setAttribute(RETIRED_IDS_ATTRIBUTE, retired);
        }
        retired.add(sessionId);
    }

    /**
     * Tells whether this request itself ended or re-identified a session ({@link #retire}).
     *
     * @param session a session, valid or not
     * @return {@code true} when its id is one this request retired
     */
    public boolean retired(HttpSession session) {
        Set<String> retired = retiredIds();
        if (retired == null) {
            return false;
        }
        try {
            return retired.contains(session.getId());
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /**
     * A new session, with a fresh id: some containers (Payara) reuse an id this request retired, or
     * one the client asked for; a session a URL named is left for a new one.
     */
    private HttpSession created() {
        HttpServletRequest current = get();
        String requested = current.getRequestedSessionId();
        HttpSession session = current.getSession(true);
        if (!isValid(session)) {
            // Another request ended the session this one holds, and Undertow keeps handing the request
            // that session, even from getSession(true), until the request's own handle is invalidated.
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // expected: the handle is now marked invalid, so the container makes a new session
            }
            session = current.getSession(true);
        }
        if (joinedByUrl(session)) {
            // The container holds the request in the session the link named: only ending it frees the request.
            current.setAttribute(LEFT_URL_SESSION_ATTRIBUTE, Boolean.TRUE);
            session.invalidate();
            session = current.getSession(true);
        }
        Set<String> retired = retiredIds();
        if (retired != null && retired.contains(session.getId()) || RequestedSessionIds.adopted(requested, session)) {
            current.changeSessionId();
        }
        return session;
    }

    /** Whether the container put the request into a session through an id in its URL, which the library never follows. */
    private boolean joinedByUrl(HttpSession session) {
        HttpServletRequest current = get();
        return current.getAttribute(LEFT_URL_SESSION_ATTRIBUTE) == null
                && RequestedSessionIds.joinedByUrl(current, session);
    }

    @SuppressWarnings("unchecked")
    private Set<String> retiredIds() {
        return (Set<String>) get().getAttribute(RETIRED_IDS_ATTRIBUTE);
    }

    /**
     * Tells whether a session is still valid.
     *
     * @param session a session
     * @return {@code false} once it was invalidated
     */
    public static boolean isValid(HttpSession session) {
        try {
            session.getCreationTime();
            return true;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}
