package dev.voltage.session.it.core;

import dev.voltage.session.Session;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/** Each endpoint does what a user's resource would do with {@link Session}, and reports what it saw as text. */
@Path("session")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SessionResource {

    @Inject
    Session session;

    @Inject
    ActivatedContextReader activatedContextReader;

    @Context
    HttpServletRequest request;

    @GET
    @Path("value/{key}")
    public String get(@PathParam("key") String key) {
        return String.valueOf((Object) session.get(key));
    }

    @PUT
    @Path("value/{key}")
    public String set(@PathParam("key") String key, String value) {
        session.set(key, value);
        return "ok";
    }

    @DELETE
    @Path("value/{key}")
    public String remove(@PathParam("key") String key) {
        session.remove(key);
        return "ok";
    }

    @GET
    @Path("count/{key}")
    public String findCount(@PathParam("key") String key) {
        try {
            return String.valueOf(session.find(key, Integer.class).orElse(0));
        } catch (ClassCastException e) {
            return e.getMessage();
        }
    }

    @GET
    @Path("keys")
    public String keys() {
        return String.join(",", new TreeSet<>(session.keys()));
    }

    @PUT
    @Path("unserializable/{key}")
    public String setUnserializable(@PathParam("key") String key) {
        session.set(key, new Unserializable());
        return "stored";
    }

    @POST
    @Path("cart/{item}")
    public String addToCart(@PathParam("item") String item, @QueryParam("dwell") @DefaultValue("0") long dwellMillis) {
        List<String> cart = session.update("cart", List.of(), current -> {
            pause(dwellMillis); // widens the read-modify-write window, so a missing lock loses items
            List<String> next = new ArrayList<>(current);
            next.add(item);
            return next;
        });
        return String.valueOf(cart.size());
    }

    @GET
    @Path("cart")
    public String cart() {
        return String.join(",", session.get("cart", List.<String>of()));
    }

    @POST
    @Path("delete")
    public String delete() {
        session.delete();
        return facts();
    }

    @POST
    @Path("delete-then-write")
    public String deleteThenWrite() {
        session.delete();
        String afterDelete = "cart=" + session.get("cart") + ";" + facts();
        session.set("after", "new");
        return afterDelete + "|" + keys();
    }

    @POST
    @Path("regenerate")
    public String regenerate() {
        session.regenerate();
        return session.id().orElse("none");
    }

    @POST
    @Path("reset-max-age")
    public String resetMaxAge() {
        session.resetMaxAge();
        return facts();
    }

    @POST
    @Path("touch")
    public String touch() {
        session.touch();
        return "touched";
    }

    @POST
    @Path("reload")
    public String reload() {
        session.reload();
        return facts();
    }

    @GET
    @Path("untouched")
    public String untouched() {
        return "did not use the session";
    }

    @PUT
    @Path("raw/max-inactive/{seconds}")
    public String setMaxInactiveDirectly(@PathParam("seconds") int seconds) {
        request.getSession(false).setMaxInactiveInterval(seconds);
        return "ok";
    }

    @POST
    @Path("raw/invalidate-then-use")
    public String invalidateDirectlyThenUse() {
        request.getSession(false).invalidate();
        return "cart=" + session.get("cart") + ";keys=" + keys() + ";" + facts();
    }

    @GET
    @Path("facts")
    public String facts() {
        if (!session.exists()) {
            return "exists=false";
        }
        return "exists=true;new=" + session.isNew() + ";id=" + session.id().orElseThrow()
                + ";createdAt=" + session.createdAt().toEpochMilli()
                + ";lastAccessedAt=" + session.lastAccessedAt().toEpochMilli()
                + ";maxInactive=" + session.maxInactiveInterval().toSeconds();
    }

    @GET
    @Path("from-own-thread")
    public String fromOwnThread() {
        return failureOnOtherThread(() -> session.get("cart"));
    }

    @GET
    @Path("from-activated-request-context")
    public String fromActivatedRequestContext() {
        return failureOnOtherThread(activatedContextReader::readCart);
    }

    private static String failureOnOtherThread(Runnable action) {
        AtomicReference<String> failure = new AtomicReference<>("no exception");
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (ContextNotActiveException e) {
                failure.set("ContextNotActiveException: " + e.getMessage());
            } catch (RuntimeException e) {
                failure.set(e.getClass().getName() + ": " + e.getMessage());
            }
        });
        thread.start();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failure.get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A value a user might try to store by mistake. */
    public static class Unserializable {}
}
