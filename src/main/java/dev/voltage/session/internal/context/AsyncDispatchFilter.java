package dev.voltage.session.internal.context;

import dev.voltage.session.internal.logging.SessionMdc;
import dev.voltage.session.internal.request.RequestThread;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Gives the asynchronous dispatch of a request ({@code AsyncContext.dispatch()}) what the
 * container's first dispatch had: the request bound to the thread ({@link RequestThread}), the
 * session's log id in the MDC, and a CDI request context where the container activates none for
 * it (Payara, GlassFish), so that {@code Session} works there; the thread gets back what it had
 * after the dispatch.
 */
public class AsyncDispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionMdc mdc;

    @Inject
    transient Instance<RequestContextController> controllers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest previousRequest = RequestThread.current();
        BooleanSupplier previousLoan = RequestThread.borrowed();
        boolean bound = previousRequest != request;
        if (bound) {
            RequestThread.begin(request);
            mdc.show(request.getSession(false));
        }
        RequestContextController controller = controllers.get();
        boolean activated = controller.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                if (activated) {
                    controller.deactivate();
                }
                controllers.destroy(controller);
            } finally {
                if (bound) {
                    RequestThread.lend(previousRequest, previousLoan);
                    mdc.clear();
                }
            }
        }
    }
}
