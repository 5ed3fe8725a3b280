package dev.voltage.session.internal.request;

import jakarta.servlet.http.HttpSession;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place where an operation meets the other requests of its session: it takes the
 * session's lock, looks again whether the session still lives, and only then applies the
 * operation. {@code Session}'s {@code update}, {@code delete} and {@code regenerate} and a
 * scope's {@code update}, {@code data(next)} and {@code reset} all go through it, so they are
 * serialised with each other, and a logout is final:
 *
 * <ul>
 * <li>an operation that gets the lock after another request ended the session sees no session,
 *     and its write (if any) starts a fresh one holding only what it writes;</li>
 * <li>a read-modify-write whose session is ended under it by code that takes no lock (the
 *     container's expiry, a raw {@code invalidate()}) counts as having completed before the end:
 *     its value ends with the session, it never moves into a new one;</li>
 * <li>the container's {@code IllegalStateException} of an invalidated session never escapes.</li>
 * </ul>
 *
 * <p>Not a bean: each request-scoped bean that needs it makes its own.
 */
public final class ExclusiveSession {

    private final SessionAccess access;
    private final SessionLocks locks;

    /**
     * @param access the request's way to its session
     * @param locks the application's session locks
     */
    public ExclusiveSession(SessionAccess access, SessionLocks locks) {
        this.access = access;
        this.locks = locks;
    }

    /**
     * Applies an operation to the request's session while holding its lock, or runs
     * {@code ended} when there is no live session (none, or one another request ended before the
     * lock was ours, or one ended during the operation by code that takes no lock).
     *
     * @param operation what runs, named when the lock cannot be had in time
     * @param live the operation on the live session; the library's own calls only, no user code
     * @param ended what to do without a live session
     * @param <R> the result type
     * @return the result of {@code live} or {@code ended}
     * @throws IllegalStateException (the library's own) when the lock cannot be had within the lock timeout
     */
    public <R> R apply(String operation, Function<HttpSession, R> live, Supplier<R> ended) {
        HttpSession session = access.existingSession();
        if (session == null) {
            return ended.get();
        }
        SessionLocks.Held held = locks.lock(session, operation);
        try {
            if (SessionAccess.isValid(session)) {
                try {
                    return live.apply(session);
                } catch (IllegalStateException invalidated) {
                    if (SessionAccess.isValid(session)) {
                        throw invalidated;
                    }
                }
            }
            return ended.get();
        } finally {
            held.release();
        }
    }

    /**
     * Reads, changes and writes back in one step that no other lock-taking operation of the same
     * session interleaves with on this server.
     *
     * @param operation what runs, named when the lock cannot be had in time
     * @param read reads the current value from the live session; the library's own calls only
     * @param none the current value without a live session
     * @param change the user's change (and the library's checks of its result), run once
     * @param write writes the result to a session, a {@code null} result included (a removal);
     *              a {@code null} result without a live session writes nothing and creates no session
     * @param <S> the type of what is read
     * @param <T> the type of the result
     * @return the result of {@code change}
     * @throws IllegalStateException (the library's own) when the lock cannot be had within the lock timeout
     */
    public <S, T> T update(
            String operation,
            Function<HttpSession, S> read,
            S none,
            Function<S, T> change,
            BiConsumer<HttpSession, T> write) {
        HttpSession session = access.existingSession();
        if (session == null) {
            return changeWithoutSession(none, change, write);
        }
        SessionLocks.Held held = locks.lock(session, operation);
        try {
            S current = none;
            boolean live;
            try {
                live = SessionAccess.isValid(session);
                if (live) {
                    current = read.apply(session);
                }
            } catch (IllegalStateException invalidated) {
                live = false;
            }
            if (!live) {
                return changeWithoutSession(none, change, write);
            }
            T next = change.apply(current);
            try {
                write.accept(session, next);
            } catch (IllegalStateException invalidated) {
                if (SessionAccess.isValid(session)) {
                    throw invalidated;
                }
                // Ended meanwhile by code that takes no lock: the value, made of the ended session's
                // data, ended with it. Only a session this request ended itself is followed by a new one.
                if (next != null && access.retired(session)) {
                    access.writeSession(fresh -> write.accept(fresh, next));
                }
            }
            return next;
        } finally {
            held.release();
        }
    }

    /**
     * Gives the session a new id, keeping its data and its lock; call it inside
     * {@link #apply} on the session that call passed.
     *
     * @param session the live, locked session
     * @return the new id
     */
    public String changeId(HttpSession session) {
        String oldId = session.getId();
        access.retire(oldId);
        return locks.changeId(oldId, () -> access.get().changeSessionId());
    }

    /**
     * Ends the session; call it inside {@link #apply} on the session that call passed.
     *
     * @param session the live, locked session
     */
    public void end(HttpSession session) {
        access.retire(session.getId());
        session.invalidate();
    }

    /** Without a live session, the change gets {@code none}; a write starts a session known to this request only. */
    private <S, T> T changeWithoutSession(S none, Function<S, T> change, BiConsumer<HttpSession, T> write) {
        T next = change.apply(none);
        if (next != null) {
            access.writeSession(fresh -> write.accept(fresh, next));
        }
        return next;
    }
}
