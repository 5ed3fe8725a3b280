package dev.voltage.session.it.cookies;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** A small application that logs a user in and sets cookies of its own. */
@Path("cookies")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class CookieResource {

    @Inject
    Session session;

    /** @return the user of the request's session, or {@code none} */
    @GET
    @Path("user")
    public String user() {
        return session.get("user", "none");
    }

    /** @return the id of the session the request reads, or {@code none} (a test application may show it) */
    @GET
    @Path("seen")
    public String seen() {
        return session.id().orElse("none");
    }

    /** Stores a user; @return the id of the session it went to */
    @POST
    @Path("login")
    public String login(@QueryParam("name") @DefaultValue("ada") String name) {
        session.set("user", name);
        return session.id().orElseThrow();
    }

    /** Sends a persistent session cookie again; @return the id it names */
    @POST
    @Path("reset-max-age")
    public String resetMaxAge() {
        session.resetMaxAge();
        return session.id().orElse("none");
    }

    /** Ends the session; @return {@code deleted}, or {@code none} without a session */
    @POST
    @Path("logout")
    public String logout() {
        boolean existed = session.exists();
        session.delete();
        return existed ? "deleted" : "none";
    }

    /** Stores a user and sets a cookie of the application's own, the JAX-RS way. */
    @POST
    @Path("login-with-cookie")
    public Response loginWithCookie() {
        session.set("user", "ada");
        return Response.ok("stored")
                .cookie(new NewCookie.Builder("theme").value("dark").path("/").build())
                .build();
    }
}
