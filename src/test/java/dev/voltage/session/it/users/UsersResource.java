package dev.voltage.session.it.users;

import dev.voltage.session.Session;
import dev.voltage.session.UserSession;
import dev.voltage.session.UserSessions;
import dev.voltage.session.it.logging.EventLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/** An application's login, "your devices" page and admin page, over Session and UserSessions. */
@Path("users")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class UsersResource {

    @Inject
    Session session;

    @Inject
    UserSessions users;

    @Inject
    EventLog events;

    /** Stores a value, which creates a session for an anonymous client. */
    @POST
    @Path("cart/{item}")
    public String addToCart(@PathParam("item") String item) {
        session.set("cart", item);
        return me();
    }

    @POST
    @Path("login/{user}")
    public String login(@PathParam("user") String user) {
        session.login(user);
        return me();
    }

    @POST
    @Path("regenerate")
    public String regenerate() {
        session.regenerate();
        return me();
    }

    @POST
    @Path("logout")
    public String logout() {
        session.delete();
        return me();
    }

    /** What this request sees: exists;user;logId;cart;maxInactiveSeconds;secondsToExpiry. */
    @GET
    @Path("me")
    public String me() {
        if (!session.exists()) {
            return "false;none;none;none;none;none";
        }
        long toExpiry = session.expiresAt()
                .map(at -> at.getEpochSecond() - java.time.Instant.now().getEpochSecond())
                .orElse(-1L);
        return "true;" + session.user().orElse("none") + ";" + session.logId().orElseThrow() + ";"
                + session.get("cart", "none") + ";"
                + session.maxInactiveInterval().toSeconds() + ";" + toExpiry;
    }

    /** The devices page: the sessions of the logged-in user, as logId@lastAccessedMillis. */
    @GET
    @Path("devices")
    public String devices() {
        return list(session.user().orElseThrow());
    }

    /** Logs out one device of the logged-in user; then what this request sees. */
    @DELETE
    @Path("devices/{logId}")
    public String logOutDevice(@PathParam("logId") String logId) {
        boolean revoked = users.revoke(session.user().orElseThrow(), logId);
        return revoked + "|" + me();
    }

    /** Logs out every device of the logged-in user; then what this request sees. */
    @DELETE
    @Path("devices")
    public String logOutEverywhere() {
        int revoked = users.revoke(session.user().orElseThrow());
        return revoked + "|" + me();
    }

    /** An admin page, used without a session of the user. */
    @GET
    @Path("admin/{user}")
    public String adminList(@PathParam("user") String user) {
        return list(user);
    }

    @DELETE
    @Path("admin/{user}")
    public String adminRevokeAll(@PathParam("user") String user) {
        return String.valueOf(users.revoke(user));
    }

    @DELETE
    @Path("admin/{user}/{logId}")
    public String adminRevokeOne(@PathParam("user") String user, @PathParam("logId") String logId) {
        return String.valueOf(users.revoke(user, logId));
    }

    @GET
    @Path("events/{logId}")
    public String events(@PathParam("logId") String logId) {
        return String.join(",", events.about(logId));
    }

    private String list(String user) {
        return users.of(user).stream().map(UserSession::logId).collect(Collectors.joining(","));
    }
}
