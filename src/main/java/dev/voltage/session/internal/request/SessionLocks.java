package dev.voltage.session.internal.request;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ActiveConfiguration;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The lock of each session on this server: one lock per session, held in the application (never
 * in the session, which clusters replicate), present only while some request holds or awaits it.
 *
 * <p>Entries are keyed by session id and reference-counted: the first request of a session that
 * asks makes one, the last that lets go removes it, so memory follows the sessions being locked
 * right now, not the sessions that exist. When a session's id changes, its entry moves to the
 * new id ({@link #moved}), so requests that locked under the old id and requests that lock under
 * the new one still exclude each other; and every request checks, once it holds an entry, that the
 * entry is still the one of its session's current id, and tries again otherwise. One session never
 * waits for another's lock. A lock is reentrant: an updater may itself update the same session.
 */
@ApplicationSingleton
public class SessionLocks {

    private static final VarHandle USERS;

    static {
        try {
            USERS = MethodHandles.lookup().findVarHandle(Entry.class, "users", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What holding the lock of an ended session is: nothing. */
    private static final Held NOTHING = () -> {};

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The id changes the library is making right now, each done when its latch opens. */
    private final Set<CountDownLatch> moves = ConcurrentHashMap.newKeySet();

    private final ActiveConfiguration settings;

    /**
     * Creates the application's lock table.
     *
     * @param settings the configuration in force, for {@code lock-timeout}
     */
    @Inject
    public SessionLocks(ActiveConfiguration settings) {
        this.settings = settings;
    }

    /**
     * Locks a session, waiting at most {@code voltage.session.lock-timeout}; the caller releases
     * what it gets ({@link Held#release()}) in a {@code finally} block.
     *
     * @param session the session to lock
     * @param operation what the lock is for, named in the timeout's message (such as {@code update()})
     * @return the held lock
     * @throws IllegalStateException if another request of the session held the lock all that time
     */
    public Held lock(HttpSession session, String operation) {
        return lock(() -> idOf(session), operation, true);
    }

    /**
     * Changes the id of a session whose lock the current thread holds, and moves the lock along.
     *
     * <p>The container gives the session its new id a moment before anyone can tell the library,
     * and in that moment another request of the session may read the new id and lock it. So the
     * change is announced first: a request that gets a lock while one is under way lets go,
     * waits for it (the container's {@code changeSessionId}, microseconds), and looks again.
     *
     * @param oldId the session's id now
     * @param change changes the id ({@code HttpServletRequest.changeSessionId}) and returns the new one
     * @return the new id
     */
    public String changeId(String oldId, Supplier<String> change) {
        CountDownLatch move = new CountDownLatch(1);
        moves.add(move);
        try {
            String newId = change.get();
            moved(oldId, newId);
            return newId;
        } finally {
            moves.remove(move);
            move.countDown();
        }
    }

    /**
     * Moves the lock of a session whose id changed to the new id, so that requests locking under
     * either id exclude each other. Called on the thread that changed the id: when a request that
     * read the new id first already made an entry under it, a thread that holds the old entry takes
     * the new one as well, and keeps it until it lets go of the old one.
     *
     * @param oldId the id the session had
     * @param newId the id it has now
     */
    public void moved(String oldId, String newId) {
        Entry entry = entries.get(oldId);
        if (entry == null || !entry.join()) {
            return;
        }
        try {
            if (!oldId.equals(entry.key)) {
                return;
            }
            if (entries.putIfAbsent(newId, entry) == null) {
                entry.key = newId;
                entries.remove(oldId, entry);
                return;
            }
        } finally {
            leave(entry);
        }
        if (entry.isHeldByCurrentThread() && entry.chained == null) {
            try {
                entry.chained = (Entry) lock(() -> newId, "the change of the session's id", false);
            } catch (IllegalStateException timedOut) {
                // the id changed already; the holder of the new id's entry finishes on its own
            }
        }
    }

    /**
     * Tells how many sessions have a lock entry now: those being locked or awaited.
     *
     * @return the number of entries
     */
    public int size() {
        return entries.size();
    }

    private Held lock(Supplier<String> currentId, String operation, boolean yieldToMoves) {
        long deadline = 0; // computed when the lock is first contended: most locks are not
        String id = currentId.get();
        while (id != null) {
            Entry entry = enter(id);
            if (!entry.tryLock()) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + timeout().toNanos();
                }
                awaitLock(entry, deadline, operation);
            }
            if (yieldToMoves && !moves.isEmpty() && entry.getHoldCount() == 1) {
                // an id change under way may be this session's: let it finish, then look again
                if (deadline == 0) {
                    deadline = System.nanoTime() + timeout().toNanos();
                }
                List<CountDownLatch> underWay = List.copyOf(moves);
                release(entry);
                awaitAll(underWay, deadline, operation, timeout());
                id = currentId.get();
                continue;
            }
            String now = currentId.get();
            if (now == null || entries.get(now) == entry) {
                return entry;
            }
            // the session's id changed while we waited: its lock lives under the new id now
            release(entry);
            id = now;
        }
        return NOTHING; // an ended session: nothing to exclude, the caller sees it ended
    }

    private void awaitLock(Entry entry, long deadline, String operation) {
        boolean locked;
        try {
            locked = entry.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            leave(entry);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "The thread was interrupted while " + operation + " waited for the lock of its session.", e);
        }
        if (!locked) {
            leave(entry);
            throw timedOut(operation, timeout());
        }
    }

    private static void awaitAll(List<CountDownLatch> underWay, long deadline, String operation, Duration timeout) {
        try {
            for (CountDownLatch move : underWay) {
                if (!move.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw timedOut(operation, timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "The thread was interrupted while " + operation + " waited for the lock of its session.", e);
        }
    }

    private Entry enter(String id) {
        while (true) {
            Entry entry = entries.computeIfAbsent(id, this::newEntry);
            if (entry.join()) {
                if (id.equals(entry.key)) {
                    return entry;
                }
                leave(entry); // it moved to the session's new id meanwhile
            } else {
                entries.remove(id, entry); // let go of by its last user a moment ago
            }
        }
    }

    private Entry newEntry(String id) {
        return new Entry(id);
    }

    private void leave(Entry entry) {
        if (entry.quit()) {
            entries.remove(entry.key, entry);
        }
    }

    private void release(Entry entry) {
        entry.unlock();
        Entry chained = null;
        if (!entry.isHeldByCurrentThread()) {
            chained = entry.chained;
            entry.chained = null;
        }
        leave(entry);
        if (chained != null) {
            release(chained);
        }
    }

    private Duration timeout() {
        SessionConfiguration configuration = settings == null ? null : settings.configuration();
        return configuration == null
                ? Duration.parse(SessionConfiguration.DEFAULT_LOCK_TIMEOUT)
                : configuration.lockTimeout();
    }

    private static IllegalStateException timedOut(String operation, Duration timeout) {
        return new IllegalStateException(operation + " could not lock its session within " + timeout
                + " (" + SessionConfiguration.LOCK_TIMEOUT + "): another request of the same session held the lock "
                + "all that time. Keep the work inside updaters short, or raise " + SessionConfiguration.LOCK_TIMEOUT
                + ".");
    }

    private static String idOf(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** The lock of one session while it is in use, and how many requests use it. */
    private final class Entry extends ReentrantLock implements Held {

        private static final long serialVersionUID = 1L;

        /** The session id it is filed under; changed only by a user that joined it. */
        private volatile String key;
        /** How many requests hold or await it; {@code -1} once it left the table. */
        private volatile int users;
        /** The new id's entry, taken along when the id changed while this one was held; owner thread only. */
        private Entry chained;

        Entry(String key) {
            this.key = key;
        }

        @Override
        public void release() {
            SessionLocks.this.release(this);
        }

        /** Counts one more user, unless the last one let go of it already. */
        boolean join() {
            while (true) {
                int now = users;
                if (now < 0) {
                    return false;
                }
                if (USERS.compareAndSet(this, now, now + 1)) {
                    return true;
                }
            }
        }

        /** Counts one user less; tells whether that was the last, which takes it out of the table. */
        boolean quit() {
            return (int) USERS.getAndAdd(this, -1) == 1 && USERS.compareAndSet(this, 0, -1);
        }
    }

    /** A lock a request holds, until it lets go. */
    public interface Held {

        /** Lets go of the lock. */
        void release();
    }
}
