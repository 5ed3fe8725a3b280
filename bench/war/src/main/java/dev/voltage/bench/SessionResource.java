package dev.voltage.bench;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The same four endpoints through {@link Session}. */
@Path("session")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SessionResource {

    @Inject
    Session session;

    @GET
    @Path("cart")
    public String cart() {
        return String.valueOf(session.get("cart", List.<Item>of()).size());
    }

    @POST
    @Path("cart")
    public String add() {
        return String.valueOf(session.update("cart", List.<Item>of(), cart -> Carts.add(cart, "sku"))
                .size());
    }

    @GET
    @Path("anonymous")
    public String anonymous() {
        return cart();
    }

    @POST
    @Path("login")
    public String login() {
        session.set("user", "ada");
        session.set("cart", Carts.full());
        return "ok";
    }

    /** The soak's logout. */
    @POST
    @Path("logout")
    public String logout() {
        session.delete();
        return "ok";
    }

    /**
     * A login through the user index ({@code Session.login}: a new id, the session listed under its
     * user), as one of 10,000 users, so the index holds many users with a few sessions each.
     */
    @POST
    @Path("signin")
    public String signIn() {
        session.login("user-" + ThreadLocalRandom.current().nextInt(10_000));
        session.set("cart", Carts.full());
        return "ok";
    }
}
