package dev.voltage.session.it.hostile;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
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
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAccumulator;

/** Stores hostile values through {@code Session} and hostile content in slice attributes, and reads the slices back. */
@Path("hostile")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class HostileResource {

    /** One line of a cart, as an application would store it. */
    public record Line(String sku, int quantity) implements Serializable {}

    @Inject
    Session session;

    @Inject
    BasketSession basket;

    @Inject
    LedgerSession ledger;

    @Context
    HttpServletRequest request;

    @PUT
    @Path("value/{kind}")
    public String storeValue(@PathParam("kind") String kind) {
        session.set("hostile", value(kind));
        return "stored";
    }

    @PUT
    @Path("slice/{scope}/{case}")
    public String storeSlice(@PathParam("scope") String scope, @PathParam("case") String name) {
        request.getSession().setAttribute(ScopedSession.ATTRIBUTE_PREFIX + scope, HostileSlices.content(name));
        return "ok";
    }

    @PUT
    @Path("raw/{scope}")
    public String storeRaw(@PathParam("scope") String scope, String json) {
        request.getSession().setAttribute(ScopedSession.ATTRIBUTE_PREFIX + scope, json);
        return "ok";
    }

    @GET
    @Path("basket")
    public String basket() {
        return String.valueOf(basket.data());
    }

    @GET
    @Path("ledger")
    public String ledger() {
        return String.valueOf(ledger.data());
    }

    @POST
    @Path("basket/note-of/{length}")
    public String storeNote(@PathParam("length") int length) {
        basket.store(new Basket(Stage.PAID, "x".repeat(length), null));
        return basket();
    }

    private static Object value(String kind) {
        return switch (kind) {
            case "cart" -> new ArrayList<>(List.of(new Line("apple", 2), new Line("pear", 1)));
            case "tree-set-lambda" -> {
                TreeSet<String> set = new TreeSet<>((a, b) -> b.compareTo(a));
                set.add("apple");
                yield set;
            }
            case "tree-map-lambda" -> new TreeMap<String, Integer>(Comparator.comparing(String::length));
            case "priority-queue-lambda" -> new PriorityQueue<String>((a, b) -> a.length() - b.length());
            case "long-accumulator" -> new LongAccumulator(Long::max, 0);
            case "parsed" -> DateTimeFormatter.ISO_LOCAL_DATE.parse("2026-12-01");
            case "shared-chain" -> {
                List<Object> list = new ArrayList<>(List.of("leaf"));
                for (int i = 0; i < 30; i++) {
                    List<Object> next = new ArrayList<>();
                    next.add(list);
                    next.add(list);
                    list = next;
                }
                yield list;
            }
            default -> throw new NotFoundException("no value of kind " + kind);
        };
    }
}
