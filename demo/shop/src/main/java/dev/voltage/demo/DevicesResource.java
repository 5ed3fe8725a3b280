package dev.voltage.demo;

import dev.voltage.session.Session;
import dev.voltage.session.UserSession;
import dev.voltage.session.UserSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Your sessions": the sessions of the logged-in user, and ending one or all of them. */
@Path("account/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    private static final Logger LOG = LoggerFactory.getLogger(DevicesResource.class);

    @Inject
    Session session;

    @Inject
    UserSessions sessions;

    /** One session of the user, as the page shows it. */
    public record Device(String logId, Instant createdAt, Instant lastAccessedAt, boolean current) {}

    @GET
    public List<Device> list() {
        String current = session.logId().orElse(null);
        return sessions.of(user()).stream()
                .map((UserSession s) -> new Device(
                        s.logId(), s.createdAt(), s.lastAccessedAt(), s.logId().equals(current)))
                .toList();
    }

    /** Ends one session of the user ("log out that device"); ending this browser's own logs it out. */
    @DELETE
    @Path("{logId}")
    public List<Device> end(@PathParam("logId") String logId) {
        String user = user();
        if (sessions.revoke(user, logId)) {
            LOG.info("{} ended session {}", user, logId); // a real log id: 16 hex characters
        }
        return session.user().isPresent() ? list() : List.of();
    }

    /** Ends every session of the user, this browser's included ("log out everywhere"). */
    @DELETE
    public List<Device> endAll() {
        String user = user();
        LOG.info("{} ended all {} sessions", user, sessions.revoke(user));
        return List.of();
    }

    private String user() {
        return session.user().orElseThrow(() -> new WebApplicationException("Log in to see your sessions.", 401));
    }
}
