package dev.voltage.session.internal.users;

import dev.voltage.session.internal.request.SessionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions bound to a user that this server holds, by user and by id: the {@code memory}
 * index, and how any index reaches the sessions it must end here. An entry lives from the login
 * to the session's end, whatever ends it, so memory is bounded by the live bound sessions.
 *
 * <p>One monitor guards both maps: a login, an id change, an end and a revocation of the same
 * session always see each other's whole effect. A session can still end between the moment the
 * container tells its listeners and the moment it is listed (a login racing a revocation): such
 * an entry is dropped the next time its user's sessions are read, and by a sweep that runs once
 * per as many logins as there are entries, so memory stays bounded by the live sessions. The
 * sessions are asked whether they live outside the monitor, never holding it while calling the
 * container.
 */
@ApplicationScoped
public class LocalSessions {

    /** A session listed under a user, and when a request of it last began on this server. */
    private static final class Bound {
        private final String user;
        private final HttpSession session;
        private volatile long usedAt = System.currentTimeMillis();

        Bound(String user, HttpSession session) {
            this.user = user;
            this.session = session;
        }

        String user() {
            return user;
        }

        HttpSession session() {
            return session;
        }
    }

    /** Changed under the monitor only; read without it where one entry is enough ({@link #used}). */
    private final Map<String, Bound> byId = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> byUser = new HashMap<>();
    private int bindsSinceSweep;

    /**
     * Lists a session under a user, moving it from the user it was bound to before.
     *
     * @param session the session, under its current id
     * @param user the user
     */
    public void bind(HttpSession session, String user) {
        boolean sweep;
        synchronized (this) {
            String id = session.getId();
            ended(id);
            byId.put(id, new Bound(user, session));
            byUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(id);
            sweep = ++bindsSinceSweep >= Math.max(64, byId.size());
            if (sweep) {
                bindsSinceSweep = 0;
            }
        }
        if (sweep) {
            dropEnded(List.copyOf(snapshot().values()));
        }
    }

    private synchronized Map<String, Bound> snapshot() {
        return Map.copyOf(byId);
    }

    /** Drops the entries of sessions that ended without the index hearing of it after their listing. */
    private void dropEnded(List<Bound> entries) {
        for (Bound bound : entries) {
            if (!SessionAccess.isValid(bound.session())) {
                synchronized (this) {
                    String id = bound.session().getId();
                    if (byId.get(id) == bound) {
                        ended(id);
                    }
                }
            }
        }
    }

    /**
     * Follows a session's id change, keeping the handle of the request that changed it: a
     * distributable session manager (WildFly's) gives each request its own handle, and one kept
     * from before the change still names the old id.
     *
     * @param oldId the id it had
     * @param session the session, under the id it has now
     */
    public synchronized void renamed(String oldId, HttpSession session) {
        Bound bound = byId.remove(oldId);
        if (bound == null) {
            return;
        }
        String newId = session.getId();
        Set<String> ids = byUser.get(bound.user());
        ids.remove(oldId);
        ids.add(newId);
        Bound renamed = new Bound(bound.user(), session);
        renamed.usedAt = bound.usedAt;
        byId.put(newId, renamed);
    }

    /**
     * Forgets a session that ended.
     *
     * @param id its id
     */
    public synchronized void ended(String id) {
        Bound bound = byId.remove(id);
        if (bound == null) {
            return;
        }
        Set<String> ids = byUser.get(bound.user());
        ids.remove(id);
        if (ids.isEmpty()) {
            byUser.remove(bound.user());
        }
    }

    /**
     * Records that a request of a listed session begins now. Containers differ in what
     * {@code getLastAccessedTime()} means during a request (Payara and GlassFish give the request
     * before), so the index keeps its own.
     *
     * @param id the session's id
     * @return {@code true} when the session is listed
     */
    public boolean used(String id) {
        Bound bound = byId.get(id);
        if (bound == null) {
            return false;
        }
        bound.usedAt = System.currentTimeMillis();
        return true;
    }

    /**
     * Returns when a request of a listed session last began on this server.
     *
     * @param id the session's id
     * @return epoch milliseconds, or {@code 0} when the session is not listed
     */
    public synchronized long usedAt(String id) {
        Bound bound = byId.get(id);
        return bound == null ? 0 : bound.usedAt;
    }

    /**
     * Tells whether a session is listed.
     *
     * @param id its id
     * @return {@code true} while it is bound
     */
    public synchronized boolean holds(String id) {
        return byId.containsKey(id);
    }

    /**
     * Returns the sessions of a user on this server.
     *
     * @param user the user
     * @return a snapshot of them; some may end while the caller looks at them
     */
    public List<HttpSession> of(String user) {
        List<Bound> entries;
        synchronized (this) {
            Set<String> ids = byUser.get(user);
            entries = ids == null ? List.of() : ids.stream().map(byId::get).toList();
        }
        dropEnded(entries);
        return entries.stream()
                .map(Bound::session)
                .filter(SessionAccess::isValid)
                .toList();
    }

    /**
     * Returns how many sessions are listed, for tests of the bound on memory.
     *
     * @return the number of bound sessions
     */
    public synchronized int size() {
        return byId.size();
    }
}
