package dev.voltage.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicLong;

/** What the memory measurement reads: live sessions, and heap in use after full collections. */
@Path("meter")
@Produces(MediaType.TEXT_PLAIN)
public class Meter {

    @Inject
    LiveSessions live;

    @GET
    @Path("sessions")
    public String sessions() {
        return String.valueOf(live.count());
    }

    /**
     * The sizes of the library's own structures that grow with sessions (the per-session locks,
     * the user index), for the soak; {@code none} in the application without the library.
     */
    @GET
    @Path("structures")
    public String structures() {
        return "locks=" + size("dev.voltage.session.internal.request.SessionLocks") + " users="
                + size("dev.voltage.session.internal.users.LocalSessions");
    }

    private static String size(String bean) {
        try {
            Object instance = CDI.current().select(Class.forName(bean)).get();
            return String.valueOf(instance.getClass().getMethod("size").invoke(instance));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "none";
        }
    }

    @GET
    @Path("heap")
    public String heapAfterFullGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return String.valueOf(used);
    }

    /** Counts sessions alive in this application. */
    @ApplicationScoped
    public static class LiveSessions {
        private final AtomicLong count = new AtomicLong();

        long count() {
            return count.get();
        }

        void change(long delta) {
            count.addAndGet(delta);
        }
    }

    /** Keeps {@link LiveSessions} current. */
    @WebListener
    public static class Counter implements HttpSessionListener {
        @Inject
        LiveSessions live;

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            live.change(1);
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            live.change(-1);
        }
    }
}
