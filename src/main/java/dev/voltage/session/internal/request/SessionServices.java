package dev.voltage.session.internal.request;

import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import dev.voltage.session.internal.users.UserBindings;
import jakarta.inject.Inject;

/**
 * The application-wide collaborators of every request's {@link RequestSession}, gathered in one
 * bean so that creating the request-scoped session, which happens on every request that uses it,
 * resolves one injection point instead of one per collaborator.
 */
@ApplicationSingleton
public final class SessionServices {

    private final SessionLocks locks;
    private final ActiveConfiguration settings;
    private final LogIds logIds;
    private final UserBindings bindings;
    private final SessionLifetime lifetime;

    /**
     * Gathers the collaborators.
     *
     * @param locks the per-session locks of this application
     * @param settings the configuration in force
     * @param logIds turns ids into log ids
     * @param bindings binds sessions to users
     * @param lifetime the session deadlines
     */
    @Inject
    public SessionServices(
            SessionLocks locks,
            ActiveConfiguration settings,
            LogIds logIds,
            UserBindings bindings,
            SessionLifetime lifetime) {
        this.locks = locks;
        this.settings = settings;
        this.logIds = logIds;
        this.bindings = bindings;
        this.lifetime = lifetime;
    }

    SessionLocks locks() {
        return locks;
    }

    ActiveConfiguration settings() {
        return settings;
    }

    LogIds logIds() {
        return logIds;
    }

    UserBindings bindings() {
        return bindings;
    }

    SessionLifetime lifetime() {
        return lifetime;
    }
}
