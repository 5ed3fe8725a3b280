package dev.voltage.session.internal.users;

import dev.voltage.session.Session;
import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.UserSession;
import dev.voltage.session.UserSessions;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The library's {@link UserSessions}: lists a user's sessions from the index and ends them, the
 * current request's own through {@link Session#delete()} so that the request sees it gone.
 */
@ApplicationScoped
public class IndexedUserSessions implements UserSessions {

    private final LocalSessions local;
    private final SessionLifetime lifetime;
    private final SessionEnds ends;
    private final LogIds logIds;
    private final Instance<Session> currentSession;
    private final UserIndexStore store;

    /** For CDI's client proxy only. */
    protected IndexedUserSessions() {
        this(null, null, null, null, null, null);
    }

    /**
     * @param local the sessions this server holds
     * @param lifetime the sessions' deadlines and creation instants
     * @param ends ends sessions with the reason {@code REVOKED}
     * @param logIds turns ids into log ids
     * @param currentSession the {@code Session} of the current request, when there is one
     * @param store where the index is shared with other servers, if it is
     */
    @Inject
    public IndexedUserSessions(
            LocalSessions local,
            SessionLifetime lifetime,
            SessionEnds ends,
            LogIds logIds,
            Instance<Session> currentSession,
            UserIndexStore store) {
        this.store = store;
        this.local = local;
        this.lifetime = lifetime;
        this.ends = ends;
        this.logIds = logIds;
        this.currentSession = currentSession;
    }

    @Override
    public List<UserSession> of(String user) {
        UserNames.requireUser(user);
        SharedIndex shared = store.shared();
        List<UserSession> sessions = new ArrayList<>(shared.of(user));
        if (!shared.shared()) {
            for (HttpSession session : local.of(user)) {
                describe(user, session).ifPresent(sessions::add);
            }
        }
        sessions.sort(Comparator.comparing(UserSession::lastAccessedAt).reversed());
        return sessions;
    }

    private Optional<UserSession> describe(String user, HttpSession session) {
        try {
            long lastUsed = Math.max(session.getLastAccessedTime(), local.usedAt(session.getId()));
            return Optional.of(new UserSession(
                    user, logIds.of(session.getId()), lifetime.createdAt(session), Instant.ofEpochMilli(lastUsed)));
        } catch (IllegalStateException endedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public int revoke(String user) {
        UserNames.requireUser(user);
        // Shared: mark every row first, so that a local session this server fails to end still ends at its next
        // request.
        int marked = store.shared().revoke(user);
        int ended = 0;
        for (HttpSession session : local.of(user)) {
            if (end(session)) {
                ended++;
            }
        }
        return store.shared().shared() ? marked : ended;
    }

    @Override
    public boolean revoke(String user, String logId) {
        UserNames.requireUser(user);
        if (logId == null) {
            return false;
        }
        boolean marked = store.shared().revoke(user, logId);
        for (HttpSession session : local.of(user)) {
            if (logId.equals(logIds.of(session.getId()))) {
                return end(session) || marked;
            }
        }
        return marked;
    }

    private boolean end(HttpSession session) {
        if (!SessionAccess.isValid(session)) {
            return false;
        }
        if (isCurrentRequests(session)) {
            ends.announce(session.getId(), Reason.REVOKED);
            currentSession.get().delete();
            return true;
        }
        return ends.end(session, Reason.REVOKED);
    }

    private static boolean isCurrentRequests(HttpSession session) {
        HttpServletRequest request = RequestThread.current();
        if (request == null) {
            return false;
        }
        HttpSession current = request.getSession(false);
        return current != null && current.getId().equals(session.getId());
    }
}
