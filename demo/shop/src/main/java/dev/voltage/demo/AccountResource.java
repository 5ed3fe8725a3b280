package dev.voltage.demo;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log in with {@code Session.login} (a new session id, the cart kept: no session fixation; the
 * session is listed under the user) and log out (the session ends).
 */
@Path("account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final Logger LOG = LoggerFactory.getLogger(AccountResource.class);

    @Inject
    Session session;

    @Inject
    SessionInfoResource info;

    @POST
    @Path("login")
    public SessionInfoResource.Info login(@FormParam("name") String name) {
        String user = LoginNames.require(name);
        session.login(user); // a new session id (no fixation) and the binding to the user, in one call
        LOG.info("{} logged in", user);
        return info.get();
    }

    @POST
    @Path("logout")
    public SessionInfoResource.Info logout() {
        LOG.info("{} logs out", session.user().orElse("a guest"));
        session.delete();
        return info.get();
    }
}
