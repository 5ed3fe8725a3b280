package dev.voltage.session.it.async;

import dev.voltage.session.Session;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A servlet that goes asynchronous and dispatches the request back to itself
 * ({@code AsyncContext.dispatch()}), where it uses {@code Session}; it answers
 * {@code visits;MDC;logId}, or the exception's message with status 500.
 */
@WebServlet(urlPatterns = "/dispatch/*", asyncSupported = true)
public class DispatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DispatchServlet.class);

    @Inject
    transient Session session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getPathInfo().substring(1);
        if (request.getDispatcherType() != DispatcherType.ASYNC) {
            AsyncContext async = request.startAsync();
            async.setTimeout(20_000);
            if (request.getParameter("fromTask") != null) {
                // Dispatched once this first pass is back in the container: Payara dispatched twice when the
                // task won the race against the return of doGet (seen once in two full runs).
                async.start(() -> {
                    pause(200);
                    async.dispatch();
                });
            } else {
                async.dispatch();
            }
            return;
        }
        response.setContentType("text/plain");
        try {
            LOG.info("dispatched {}", token);
            int visits = session.update("visits", 0, v -> v + 1);
            response.getWriter()
                    .print(visits + ";" + MDC.get("sessionId") + ";"
                            + session.logId().orElse("none"));
        } catch (RuntimeException e) {
            response.setStatus(500);
            response.getWriter().print(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
