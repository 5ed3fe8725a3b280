package dev.voltage.session.it.races;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What a user's resources do while a browser sends several requests of one session at once; reports what it saw as text. */
@Path("races")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RacesResource {

    @Inject
    Session session;

    @Inject
    ProfileSlice profile;

    @Inject
    Arrivals arrivals;

    @POST
    @Path("login")
    public String login() {
        session.set("user", "ada");
        profile.replace(List.of("ada"));
        return "ok";
    }

    @GET
    @Path("user")
    public String user() {
        return session.get("user") + "|" + String.join(",", profile.data());
    }

    /** A slow read-modify-write of data the logout must end: the user, touched. */
    @POST
    @Path("touch-user")
    public String touchUser(@QueryParam("dwell") long dwell) {
        return String.valueOf(session.<String>update("user", user -> {
            pause(dwell);
            return user == null ? null : user + "+";
        }));
    }

    /** The same through a slice. */
    @POST
    @Path("touch-profile")
    public String touchProfile(@QueryParam("dwell") long dwell) {
        return String.join(",", profile.change(lines -> {
            pause(dwell);
            return lines.isEmpty() ? lines : ProfileSlice.append(lines, "+");
        }));
    }

    @POST
    @Path("delete")
    public String delete() {
        session.delete();
        return "exists=" + session.exists();
    }

    @POST
    @Path("regenerate")
    public String regenerate() {
        session.regenerate();
        return "ok";
    }

    /** Adds to a cart once the request holds its session and has waited {@code before} ms; the updater dwells. */
    @POST
    @Path("cart/{item}")
    public String add(
            @PathParam("item") String item,
            @QueryParam("run") String run,
            @QueryParam("before") long before,
            @QueryParam("dwell") long dwell,
            @QueryParam("slice") @DefaultValue("false") boolean slice) {
        session.exists(); // the request now holds its session, as one already in flight does
        arrivals.arrive(run);
        pause(before);
        List<String> cart = slice
                ? profile.change(lines -> {
                    pause(dwell);
                    return ProfileSlice.append(lines, item);
                })
                : session.update("cart", List.of(), lines -> {
                    pause(dwell);
                    return append(lines, item);
                });
        return String.valueOf(cart.size());
    }

    @GET
    @Path("cart")
    public String cart() {
        return String.join(",", session.get("cart", List.<String>of()));
    }

    @GET
    @Path("arrivals/{run}")
    public String arrivals(@PathParam("run") String run) {
        return String.valueOf(arrivals.of(run));
    }

    /** Holds the session's lock for {@code millis}, telling the run once it does. */
    @POST
    @Path("slow/{millis}")
    public String slow(@PathParam("millis") long millis, @QueryParam("run") String run) {
        return String.valueOf(session.update("count", 0, count -> {
            arrivals.arrive(run);
            pause(millis);
            return count + 1;
        }));
    }

    @POST
    @Path("count")
    public String count() {
        return String.valueOf(session.update("count", 0, count -> count + 1));
    }

    @POST
    @Path("slice-count")
    public String sliceCount() {
        return String.join(",", profile.change(lines -> ProfileSlice.append(lines, "x")));
    }

    /** Updates nested in an update of the same session, a scope's update and a regenerate among them. */
    @POST
    @Path("nested")
    public String nested() {
        return String.valueOf(session.update("outer", 0, outer -> {
                    int inner = session.update("inner", 0, n -> n + 1 + session.update("innermost", 0, m -> m + 1));
                    profile.change(lines -> ProfileSlice.append(lines, "nested"));
                    session.regenerate();
                    return outer + inner;
                }))
                + "|" + String.join(",", profile.data());
    }

    /** One of the reads and writes a page makes, chosen by {@code kind}. */
    @POST
    @Path("op/{kind}")
    public String op(@PathParam("kind") int kind) {
        switch (kind % 12) {
            case 0 -> session.get("user");
            case 1 -> session.set("visited", "yes");
            case 2 -> session.update("count", 0, n -> n + 1);
            case 3 -> new TreeSet<>(session.keys());
            case 4 -> session.remove("visited");
            case 5 -> session.save();
            case 6 -> session.touch();
            case 7 -> profile.data();
            case 8 -> profile.change(lines -> ProfileSlice.append(lines, "op"));
            case 9 -> profile.replace(List.of("replaced"));
            case 10 -> profile.reset();
            default -> {
                try {
                    if (session.exists()) {
                        return session.createdAt() + "," + session.lastAccessedAt() + ","
                                + session.maxInactiveInterval() + "," + session.isNew();
                    }
                } catch (IllegalStateException e) {
                    return "no session: " + e.getMessage();
                }
            }
        }
        return "ok";
    }

    private static List<String> append(List<String> lines, String line) {
        List<String> next = new ArrayList<>(lines);
        next.add(line);
        return next;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
