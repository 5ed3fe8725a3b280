package dev.voltage.session.testing;

import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.LogIds;
import dev.voltage.session.internal.logging.SessionMdc;
import dev.voltage.session.internal.request.RequestSession;
import dev.voltage.session.internal.request.SessionLocks;
import dev.voltage.session.internal.request.SessionServices;
import dev.voltage.session.internal.slice.RequestSlices;
import dev.voltage.session.internal.slice.SliceCodec;
import dev.voltage.session.internal.users.IndexedUserSessions;
import dev.voltage.session.internal.users.LocalSessions;
import dev.voltage.session.internal.users.UserBindings;
import dev.voltage.session.internal.users.UserIndexStore;
import java.util.List;
import java.util.stream.Stream;

/**
 * The library's own beans, as a Weld SE test or the JMH benchmark deploys them without bean discovery: the
 * {@code Session} and {@code UserSessions} implementations and every collaborator behind them. A new collaborator is
 * added here, once. The servlet listeners are not in it: the container creates them, so a test that calls one names
 * it among its extra classes.
 *
 * <pre>
 * &#64;WeldSetup
 * WeldInitiator weld = WeldInitiator.from(LibraryBeans.with(SessionEventsListener.class))
 *         .activate(RequestScoped.class)
 *         .build();
 * </pre>
 */
public final class LibraryBeans {

    private static final List<Class<?>> BEANS = List.of(
            RequestSession.class,
            SessionLocks.class,
            SessionServices.class,
            RequestSlices.class,
            SliceCodec.class,
            ActiveConfiguration.class,
            LogIds.class,
            SessionMdc.class,
            SessionLifetime.class,
            SessionEnds.class,
            UserBindings.class,
            LocalSessions.class,
            UserIndexStore.class,
            IndexedUserSessions.class);

    private LibraryBeans() {}

    /**
     * Returns the library's beans followed by a test's own classes.
     *
     * @param extra the test's beans, observers and the listeners it calls
     * @return a new array, for {@code WeldInitiator.from} or {@code Weld.addBeanClasses}
     */
    public static Class<?>[] with(Class<?>... extra) {
        return Stream.concat(BEANS.stream(), Stream.of(extra)).toArray(Class<?>[]::new);
    }
}
