package dev.voltage.bench;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same four endpoints with the cart in a {@code ScopedSession} slice. */
@Path("slice")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SliceResource {

    @Inject
    CartSlice cart;

    @Inject
    Session session;

    @GET
    @Path("cart")
    public String cart() {
        return String.valueOf(cart.data().size());
    }

    @POST
    @Path("cart")
    public String add() {
        return String.valueOf(cart.add("sku").size());
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
        cart.fill();
        return "ok";
    }
}
