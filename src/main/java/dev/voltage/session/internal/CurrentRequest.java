package dev.voltage.session.internal;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Holds the HTTP request that the current CDI request context belongs to; {@link SessionRequestListener}
 * fills it when the container starts serving the request.
 */
@RequestScoped
public class CurrentRequest {

    static final String NO_HTTP_REQUEST = "Session needs an HTTP request, and this thread is not serving one. "
            + "Use Session in a JAX-RS resource, servlet, filter or a bean they call during a request, "
            + "not from a timer, a message listener or a thread of your own.";

    private HttpServletRequest request;

    /**
     * Records the request being served.
     *
     * @param request the container's request
     */
    public void set(HttpServletRequest request) {
        this.request = request;
    }

    /**
     * Returns the request being served.
     *
     * @return the request
     * @throws ContextNotActiveException if the request context is active without an HTTP request
     *                                   (an {@code @ActivateRequestContext} method, for example)
     */
    public HttpServletRequest get() {
        if (request == null) {
            throw new ContextNotActiveException(NO_HTTP_REQUEST);
        }
        return request;
    }
}
