package dev.voltage.session.it.config;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Endpoints whose cookies and session facts show the configuration in force. */
@Path("config")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ConfigResource {

    @Inject
    Session session;

    @Context
    HttpServletResponse response;

    @POST
    @Path("create")
    public String create() {
        session.set("user", "ada");
        return "created";
    }

    @GET
    @Path("untouched")
    public String untouched() {
        return "did not use the session";
    }

    @GET
    @Path("max-inactive")
    public String maxInactive() {
        return String.valueOf(session.maxInactiveInterval().toSeconds());
    }

    @POST
    @Path("reset-max-age")
    public String resetMaxAge() {
        session.resetMaxAge();
        return "reset";
    }

    @GET
    @Path("encode-url")
    public String encodeUrl() {
        return response.encodeURL("/shop/cart");
    }

    @PUT
    @Path("unserializable")
    public String unserializable() {
        session.set("thing", new Object());
        return "stored";
    }

    @PUT
    @Path("bind-counter")
    public String putBindCounter() {
        session.set("binds", new BindCounter());
        return "1";
    }

    @GET
    @Path("bind-counter")
    public String bindCount() {
        return String.valueOf(session.<BindCounter>get("binds").bound());
    }

    @POST
    @Path("bind-counter/save")
    public String saveAfterRead() {
        session.get("binds");
        session.save();
        return bindCount();
    }
}
