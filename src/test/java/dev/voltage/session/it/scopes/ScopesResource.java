package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/** Each endpoint uses the scopes the way a user's resource would, and reports what it saw as text. */
@Path("scopes")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ScopesResource {

    @Inject
    CheckoutSession checkout;

    @Inject
    CartSession cart;

    @Inject
    CounterSession counters;

    @Inject
    ProfileSession profile;

    @Inject
    Instance<ListScope<String>> notes;

    @Inject
    Session session;

    @Context
    HttpServletRequest request;

    @GET
    @Path("checkout")
    public String checkout() {
        return checkout.data().step() + "," + checkout.data().addressId();
    }

    @POST
    @Path("checkout/advance/{step}")
    public String advance(@PathParam("step") Step step) {
        checkout.advance(step);
        return checkout();
    }

    @PUT
    @Path("checkout/address/{id}")
    public String chooseAddress(@PathParam("id") String addressId) {
        checkout.chooseAddress(addressId);
        return checkout();
    }

    @POST
    @Path("checkout/reset")
    public String reset() {
        checkout.reset();
        return checkout();
    }

    @GET
    @Path("checkout/read-twice-around-a-raw-write")
    public String readTwiceAroundARawWrite() {
        String first = checkout();
        request.getSession().setAttribute(ScopedSession.ATTRIBUTE_PREFIX + "checkout", "{\"step\":\"REVIEW\"}");
        String second = checkout();
        session.reload();
        return first + "|" + second + "|" + checkout();
    }

    @POST
    @Path("cart/{sku}/{quantity}")
    public String addToCart(@PathParam("sku") String sku, @PathParam("quantity") int quantity) {
        return String.valueOf(cart.add(sku, quantity).size());
    }

    @GET
    @Path("cart")
    public String cart() {
        return cart.items().stream()
                .map(i -> i.getClass().getSimpleName() + ":" + i.sku() + "x" + i.quantity())
                .collect(Collectors.joining(","));
    }

    @POST
    @Path("counters/{key}")
    public String increment(@PathParam("key") String key) {
        return counters.increment(key).toString();
    }

    @GET
    @Path("counters")
    public String counters() {
        return counters.data().toString();
    }

    @POST
    @Path("profile/{name}")
    public String rename(@PathParam("name") String name) {
        profile.rename(name);
        return profile();
    }

    @GET
    @Path("profile")
    public String profile() {
        return profile.data().getDisplayName() + "," + profile.data().getLocale();
    }

    @POST
    @Path("notes/{kind}/{text}")
    public String note(@PathParam("kind") String kind, @PathParam("text") String text) {
        return String.join(",", notesOf(kind).append(text));
    }

    @GET
    @Path("notes/{kind}")
    public String notes(@PathParam("kind") String kind) {
        return String.join(",", notesOf(kind).data());
    }

    @PUT
    @Path("raw/{name}")
    public String writeRaw(@PathParam("name") String name, String json) {
        request.getSession().setAttribute(ScopedSession.ATTRIBUTE_PREFIX + name, json);
        return "ok";
    }

    @GET
    @Path("raw/{name}")
    public String readRaw(@PathParam("name") String name) {
        return String.valueOf(request.getSession().getAttribute(ScopedSession.ATTRIBUTE_PREFIX + name));
    }

    @PUT
    @Path("session/{key}")
    public String setThroughSession(@PathParam("key") String key, String value) {
        session.set(key, value);
        return "ok";
    }

    @POST
    @Path("session/delete")
    public String delete() {
        session.delete();
        return checkout() + "|" + cart();
    }

    @POST
    @Path("session/regenerate")
    public String regenerate() {
        session.regenerate();
        return checkout() + "|" + cart();
    }

    private ListScope<String> notesOf(String kind) {
        return Notes.KINDS.stream()
                .filter(type -> type.getSimpleName().toLowerCase().startsWith(kind))
                .findFirst()
                .map(type -> notes.select(type).get())
                .orElseThrow(() -> new NotFoundException("no notes of kind " + kind));
    }
}
