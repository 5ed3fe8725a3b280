package dev.voltage.session.it.registration;

import dev.voltage.session.Session;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Uses {@code Session} as a servlet declared in web.xml does: {@code /session/login} writes,
 * {@code /session/read} reads, {@code /session/events} lists the events seen of a log id; each
 * logs a line with the {@code token} parameter and answers what the MDC held.
 */
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SessionServlet.class);

    @Inject
    transient Session session;

    @Inject
    transient RegistrationEvents events;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer = switch (request.getPathInfo()) {
            case "/login" -> {
                session.set("user", "ada");
                yield session.id().orElse("none") + ";" + session.logId().orElse("none") + ";"
                        + session.maxInactiveInterval().toSeconds();
            }
            case "/read" -> String.valueOf((Object) session.get("user"));
            case "/events" -> String.join(",", events.about(request.getParameter("logId")));
            default -> throw new IllegalArgumentException("no such path: " + request.getPathInfo());
        };
        LOG.info("registration {}", request.getParameter("token"));
        response.setContentType("text/plain");
        response.getWriter().write(answer + ";" + MDC.get("sessionId"));
    }
}
