package dev.voltage.session.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session-related part of an {@link HttpServletRequest}, and its attributes, for Weld SE tests; every other
 * method throws {@link UnsupportedOperationException}, so a test notices what it did not expect.
 */
public class FakeHttpRequest {

    private volatile FakeHttpSession session;
    private final int sessionTimeoutMinutes;
    private volatile HttpSessionListener sessionListener;
    private volatile HttpSessionIdListener idListener;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final String requestedSessionId;
    private volatile Runnable afterIdChange = () -> {};

    /** A request of a client that has no session yet, with the container's default timeout of 30 minutes. */
    public FakeHttpRequest() {
        this(null);
    }

    /** A request of a client whose cookie names {@code session}. */
    public FakeHttpRequest(FakeHttpSession session) {
        this.session = session;
        this.sessionTimeoutMinutes = 30;
        this.requestedSessionId = session == null ? null : session.getId();
    }

    /** Tells the listeners of sessions created, re-identified and invalidated, as the container does. */
    public <L extends HttpSessionListener & HttpSessionIdListener> void notify(L listener) {
        this.sessionListener = listener;
        this.idListener = listener;
    }

    /**
     * Runs {@code action} inside {@code changeSessionId}, after the id changed and before the id
     * listener hears of it: the moment where another request already reads the new id.
     */
    public void afterIdChange(Runnable action) {
        afterIdChange = action;
    }

    /** The session this request has now, or {@code null}. */
    public FakeHttpSession session() {
        return session;
    }

    /** This fake as the servlet API's request. */
    public HttpServletRequest asRequest() {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSessionTimeout" -> sessionTimeoutMinutes;
                    default -> throw new UnsupportedOperationException("ServletContext." + method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> getSession(args == null || (boolean) args[0]);
                    case "changeSessionId" -> changeSessionId();
                    case "getServletContext" -> context;
                    case "getRequestedSessionId" -> requestedSessionId;
                    case "isRequestedSessionIdFromURL" -> false;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "toString" -> "FakeHttpRequest";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + method.getName());
                });
    }

    private synchronized FakeHttpSession getSession(boolean create) {
        if (session != null && !session.isInvalidated()) {
            return session;
        }
        session = create ? new FakeHttpSession() : null;
        if (session != null && sessionListener != null) {
            FakeHttpSession created = session;
            created.beforeInvalidate(() -> sessionListener.sessionDestroyed(new HttpSessionEvent(created)));
            sessionListener.sessionCreated(new HttpSessionEvent(created));
        }
        return session;
    }

    private synchronized String changeSessionId() {
        if (session == null || session.isInvalidated()) {
            throw new IllegalStateException("no session");
        }
        String oldId = session.getId();
        session.changeId();
        afterIdChange.run();
        if (idListener != null) {
            idListener.sessionIdChanged(new HttpSessionEvent(session), oldId);
        }
        return session.getId();
    }
}
