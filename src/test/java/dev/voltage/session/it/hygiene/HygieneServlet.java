package dev.voltage.session.it.hygiene;

import dev.voltage.session.Session;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.MDC;

/**
 * What the hygiene tests ask of a server: {@code /login}, {@code /regenerate}, {@code /read} use
 * {@code Session}; {@code /fail} creates a session and throws; {@code /async} creates a session
 * and finishes asynchronously on a thread of its own; {@code /probe} tells which thread served it
 * and what the MDC held before the library's listener ran ({@link MdcProbeListener}).
 */
@WebServlet(urlPatterns = "/hygiene/*", asyncSupported = true)
public class HygieneServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Session session;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        switch (request.getPathInfo()) {
            case "/login" -> {
                session.set("user", "ada");
                response.getWriter()
                        .write(session.id().orElseThrow() + ";"
                                + session.logId().orElseThrow());
            }
            case "/regenerate" -> {
                session.regenerate();
                response.getWriter()
                        .write(session.id().orElseThrow() + ";"
                                + session.logId().orElseThrow());
            }
            case "/read" -> response.getWriter().write(String.valueOf((Object) session.get("user")));
            case "/fail" -> {
                session.set("user", "ada");
                throw new IllegalStateException("failing on purpose");
            }
            case "/async" -> async(request);
            case "/probe" ->
                response.getWriter()
                        .write(Thread.currentThread().getName() + ";"
                                + request.getAttribute(MdcProbeListener.MDC_AT_START) + ";" + MDC.get("sessionId"));
            default -> response.sendError(404);
        }
    }

    private void async(HttpServletRequest request) {
        session.set("user", "ada");
        String logId = session.logId().orElseThrow();
        String thread = Thread.currentThread().getName();
        AsyncContext async = request.startAsync();
        Thread finisher = new Thread(
                () -> {
                    try {
                        Thread.sleep(100); // the starting thread has left the servlet and the filters by then
                        async.getResponse().getWriter().write(thread + ";" + logId);
                        async.complete();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "async-finisher");
        finisher.setDaemon(true);
        finisher.start();
    }
}
