package dev.voltage.session.it.logging;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs through SLF4J as an application does, and reports what the MDC held. */
@Path("logging")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class LoggingResource {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingResource.class);

    @Inject
    Session session;

    @Inject
    EventLog events;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    public String login() {
        session.set("user", "ada");
        return ids();
    }

    @GET
    @Path("ids")
    public String ids() {
        return session.id().orElse("none") + ";" + session.logId().orElse("none");
    }

    @GET
    @Path("probe/{token}")
    public String probe(@PathParam("token") String token, @QueryParam("key") @DefaultValue("sessionId") String key) {
        LOG.info("probe {}", token);
        return String.valueOf(MDC.get(key));
    }

    @POST
    @Path("lifecycle")
    public String lifecycle() {
        List<String> seen = new ArrayList<>();
        seen.add(step("start"));
        session.set("user", "ada");
        seen.add(step("created"));
        session.regenerate();
        seen.add(step("regenerated"));
        session.delete();
        seen.add(step("deleted"));
        request.getSession(true);
        seen.add(step("created by other code"));
        return String.join("|", seen);
    }

    @POST
    @Path("login-regenerate-logout")
    public String loginRegenerateLogout() {
        session.set("user", "ada");
        String first = session.logId().orElseThrow();
        session.regenerate();
        String second = session.logId().orElseThrow();
        session.delete();
        return first + "|" + second;
    }

    @GET
    @Path("events/{logId}")
    public String events(@PathParam("logId") String logId) {
        return String.join(",", events.about(logId));
    }

    private String step(String name) {
        LOG.info("step {}", name);
        return MDC.get("sessionId") + "=" + session.logId().orElse("none");
    }
}
