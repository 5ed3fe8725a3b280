package dev.voltage.bench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The baseline: the four endpoints on the container's {@code HttpSession}, as code without the library
 * writes them; a request-scoped bean like the other two ways, so only the session access differs.
 */
@Path("raw")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RawResource {

    @Context
    HttpServletRequest request;

    @GET
    @Path("cart")
    @SuppressWarnings("unchecked")
    public String cart() {
        HttpSession session = request.getSession(false);
        List<Item> cart = session == null ? null : (List<Item>) session.getAttribute("cart");
        return String.valueOf(cart == null ? 0 : cart.size());
    }

    @POST
    @Path("cart")
    @SuppressWarnings("unchecked")
    public String add() {
        HttpSession session = request.getSession(true);
        List<Item> cart = (List<Item>) session.getAttribute("cart");
        List<Item> next = Carts.add(cart == null ? List.of() : cart, "sku");
        session.setAttribute("cart", next);
        return String.valueOf(next.size());
    }

    @GET
    @Path("anonymous")
    public String anonymous() {
        return cart();
    }

    /** The soak's logout. */
    @POST
    @Path("logout")
    public String logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "ok";
    }

    /** The soak's login: the session ends after a minute without requests, as the soak's Session application is configured. */
    @POST
    @Path("short-login")
    public String shortLogin() {
        login();
        request.getSession(false).setMaxInactiveInterval(60);
        return "ok";
    }

    @POST
    @Path("login")
    public String login() {
        HttpSession session = request.getSession(true);
        session.setAttribute("user", "ada");
        session.setAttribute("cart", Carts.full());
        return "ok";
    }
}
