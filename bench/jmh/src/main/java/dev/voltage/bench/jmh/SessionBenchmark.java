package dev.voltage.bench.jmh;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.Session;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.slice.RequestSlices;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one call costs: every method of {@code Session} and a slice's decode and update, each beside
 * the raw {@code HttpSession} access it replaces where there is one, in one request context of
 * Weld SE over the fast tests' in-memory {@code HttpSession}. The lifecycle verbs that end or
 * re-identify the session ({@code delete}, {@code regenerate}, {@code login}) run on a session the
 * benchmark creates or keeps for the purpose, and their raw counterparts do the same.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionBenchmark {

    /** One cart line. */
    public record Item(String sku, int quantity) implements Serializable {}

    /** The cart as a slice. */
    @ApplicationScoped
    public static class CartSlice extends ScopedSession<List<Item>> {
        public CartSlice() {
            super("cart", List.of());
        }

        public List<Item> add() {
            return update(SessionBenchmark::add);
        }
    }

    private static final String SLICE_ATTRIBUTE = ScopedSession.ATTRIBUTE_PREFIX + "cart";

    private WeldContainer weld;
    private RequestContextController requestContext;
    private FakeHttpSession http;
    private HttpServletRequest request;
    private Session session;
    private CartSlice slice;
    private List<Item> cart;

    @Setup
    public void start() {
        weld = new Weld()
                .disableDiscovery()
                .addBeanClasses(LibraryBeans.with(CartSlice.class))
                .initialize();
        requestContext = weld.select(RequestContextController.class).get();
        requestContext.activate();
        http = new FakeHttpSession(false);
        request = new FakeHttpRequest(http).asRequest();
        RequestThread.begin(request); // as the listener does; setup runs on the benchmark thread
        session = weld.select(Session.class).get();
        slice = weld.select(CartSlice.class).get();
        cart = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cart.add(new Item("sku-" + i, 1));
        }
        http.setAttribute("cart", cart);
        slice.add();
    }

    @TearDown
    public void stop() {
        requestContext.deactivate();
        RequestThread.end();
        weld.shutdown();
    }

    static List<Item> add(List<Item> cart) {
        List<Item> next = new ArrayList<>(cart.size() < 10 ? cart : cart.subList(1, cart.size()));
        next.add(new Item("sku", 1));
        return next;
    }

    @Benchmark
    public Object rawGet() {
        return http.getAttribute("cart");
    }

    @Benchmark
    public Object sessionGet() {
        return session.get("cart");
    }

    @Benchmark
    public boolean rawHas() {
        return http.getAttribute("cart") != null;
    }

    @Benchmark
    public boolean sessionHas() {
        return session.has("cart");
    }

    @Benchmark
    public Object sessionKeys() {
        return session.keys();
    }

    @Benchmark
    public boolean sessionExists() {
        return session.exists();
    }

    @Benchmark
    public Object sessionUser() {
        return session.user();
    }

    @Benchmark
    public void rawSet() {
        http.setAttribute("cart", cart);
    }

    @Benchmark
    public void sessionSet() {
        session.set("cart", cart);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public Object rawUpdate() {
        List<Item> next = add((List<Item>) http.getAttribute("cart"));
        http.setAttribute("cart", next);
        return next;
    }

    @Benchmark
    public Object sessionUpdate() {
        return session.update("cart", List.of(), SessionBenchmark::add);
    }

    @Benchmark
    public Object sessionFind() {
        return session.find("cart", List.class);
    }

    @Benchmark
    public Object rawRemove() {
        http.setAttribute("extra", "value");
        http.removeAttribute("extra");
        return http;
    }

    @Benchmark
    public Object sessionRemove() {
        session.set("extra", "value");
        session.remove("extra");
        return session;
    }

    /** What {@code save()} replaces: writing back a value read in the request. */
    @Benchmark
    public Object rawSave() {
        Object value = http.getAttribute("cart");
        http.setAttribute("cart", value);
        return value;
    }

    /** {@code save()} after the request read the cart. */
    @Benchmark
    public Object sessionSave() {
        session.get("cart");
        session.save();
        return session;
    }

    @Benchmark
    public Object sessionReload() {
        session.reload();
        return session;
    }

    @Benchmark
    public long rawTouch() {
        return request.getSession(false).getLastAccessedTime();
    }

    @Benchmark
    public Object sessionTouch() {
        session.touch();
        return session;
    }

    @Benchmark
    public Object rawResetMaxAge() {
        request.getSession(false)
                .setMaxInactiveInterval(request.getServletContext().getSessionTimeout() * 60);
        return request;
    }

    @Benchmark
    public Object sessionResetMaxAge() {
        session.resetMaxAge();
        return session;
    }

    @Benchmark
    public Object sessionId() {
        return session.id();
    }

    @Benchmark
    public Object sessionLogId() {
        return session.logId();
    }

    @Benchmark
    public Object sessionExpiresAt() {
        return session.expiresAt();
    }

    @Benchmark
    public String rawRegenerate() {
        return request.changeSessionId();
    }

    @Benchmark
    public Object sessionRegenerate() {
        session.regenerate();
        return session;
    }

    /** What {@code login} replaces: a new id and the user's name in the session. */
    @Benchmark
    public String rawLogin() {
        String id = request.changeSessionId();
        request.getSession(false).setAttribute("user", "alice");
        return id;
    }

    @Benchmark
    public Optional<String> sessionLogin() {
        session.login("alice");
        return session.user();
    }

    /** A session created, given a value and invalidated: what {@code delete()} replaces. */
    @Benchmark
    public Object rawDelete() {
        HttpSession created = request.getSession(true);
        created.setAttribute("cart", cart);
        created.invalidate();
        return created;
    }

    @Benchmark
    public Object sessionDelete() {
        session.set("cart", cart);
        session.delete();
        return session;
    }

    /**
     * A slice read in a new request, the attribute holding the very JSON {@code String} an earlier
     * request read (no other request changed it).
     */
    @Benchmark
    public Object sliceReadUnchanged() {
        RequestSlices.forget();
        return slice.data();
    }

    /**
     * A slice read in a new request after another request changed it: the attribute holds a new
     * {@code String} (equal content, another instance, as a write or a replication leaves it).
     */
    @Benchmark
    public Object sliceReadChanged() {
        RequestSlices.forget();
        http.setAttribute(SLICE_ATTRIBUTE, new String((String) http.getAttribute(SLICE_ATTRIBUTE)));
        return slice.data();
    }

    /** A slice read again in the same request: served from memory. */
    @Benchmark
    public Object sliceRead() {
        return slice.data();
    }

    @Benchmark
    public Object sliceUpdate() {
        return slice.add();
    }
}
