package dev.voltage.session.internal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.Session;
import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionDestroyed.Reason;
import dev.voltage.session.UserSession;
import dev.voltage.session.UserSessions;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.lifetime.SessionEnds;
import dev.voltage.session.internal.lifetime.SessionLifetime;
import dev.voltage.session.internal.logging.SessionEventsListener;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableWeld
class UserSessionsTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(
                    LibraryBeans.with(SessionEventsListener.class, UserSessionsListener.class, Ends.class))
            .activate(RequestScoped.class)
            .build();

    @Inject
    Session session;

    @Inject
    UserSessions users;

    @Inject
    LocalSessions local;

    @Inject
    UserBindings bindings;

    @Inject
    ActiveConfiguration settings;

    @Inject
    SessionLifetime lifetime;

    @Inject
    SessionEnds ends;

    @Inject
    SessionEventsListener eventsListener;

    @Inject
    UserSessionsListener usersListener;

    @Inject
    Ends ended;

    FakeHttpRequest http = new FakeHttpRequest();

    @BeforeEach
    void serveRequest() {
        settings.use(SessionConfiguration.builder().secret("a-test-secret").build());
        http.notify(new Listeners());
        RequestThread.begin(http.asRequest());
    }

    @AfterEach
    void endRequest() {
        RequestThread.end();
    }

    @Test
    void loginWithoutSessionThenNewSessionBoundAndListed() {
        session.login("alice");

        assertThat(session.exists()).isTrue();
        assertThat(session.user()).contains("alice");
        assertThat(users.of("alice")).singleElement().satisfies(listed -> {
            assertThat(listed.user()).isEqualTo("alice");
            assertThat(listed.logId()).isEqualTo(session.logId().orElseThrow());
        });
    }

    @Test
    void loginWithSessionThenNewIdAndDataKept() {
        session.set("cart", "3 items");
        String before = session.id().orElseThrow();

        session.login("alice");

        assertThat(session.id()).isPresent().get().isNotEqualTo(before);
        assertThat((String) session.get("cart")).isEqualTo("3 items");
        assertThat(users.of("alice"))
                .extracting(UserSession::logId)
                .containsExactly(session.logId().orElseThrow());
    }

    @Test
    void loginAsAnotherUserThenRebound() {
        session.login("alice");
        session.login("bob");

        assertThat(session.user()).contains("bob");
        assertThat(users.of("alice")).isEmpty();
        assertThat(users.of("bob")).hasSize(1);
    }

    @Test
    void loginWithBadUserThenIllegalArgumentAndNoSession() {
        assertThatThrownBy(() -> session.login(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> session.login(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> session.login("u".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("257 characters")
                .hasMessageContaining("at most 256");
        session.login("u".repeat(256));
        assertThat(session.user()).contains("u".repeat(256));
    }

    @Test
    void userWithoutLoginThenEmpty() {
        assertThat(session.user()).isEmpty();
        session.set("k", "v");
        assertThat(session.user()).isEmpty();
    }

    @Test
    void blankUserToUserSessionsThenIllegalArgument() {
        assertThatThrownBy(() -> users.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.revoke(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.revoke(" ", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteThenUnboundAndUnlisted() {
        session.login("alice");

        session.delete();

        assertThat(session.user()).isEmpty();
        assertThat(users.of("alice")).isEmpty();
        assertThat(local.size()).isZero();
        assertThat(ended.reasons()).containsExactly(Reason.DELETED);
    }

    @Test
    void revokeOfAnotherSessionEndsItAtOnceWithRevoked() {
        FakeHttpSession other = new FakeHttpSession();
        other.beforeInvalidate(() -> new Listeners().sessionDestroyed(new HttpSessionEvent(other)));
        session.login("alice");
        bindings.bind(other, "alice");
        assertThat(users.of("alice")).hasSize(2);

        assertThat(users.revoke("alice", "not-a-log-id")).isFalse();
        assertThat(users.revoke("bob", session.logId().orElseThrow())).isFalse();
        boolean revoked = users.revoke(
                "alice",
                users.of("alice").stream()
                        .filter(s -> !s.logId().equals(session.logId().orElseThrow()))
                        .findFirst()
                        .orElseThrow()
                        .logId());

        assertThat(revoked).isTrue();
        assertThat(other.isInvalidated()).isTrue();
        assertThat(ends.ended(other.getId())).isTrue();
        assertThat(users.of("alice"))
                .extracting(UserSession::logId)
                .containsExactly(session.logId().orElseThrow());
        assertThat(ended.reasons()).containsExactly(Reason.REVOKED);
    }

    @Test
    void revokeOfTheCurrentRequestsSessionBehavesAsDelete() {
        session.login("alice");
        session.set("cart", "3 items");

        assertThat(users.revoke("alice")).isEqualTo(1);

        assertThat(session.exists()).isFalse();
        assertThat((Object) session.get("cart")).isNull();
        assertThat(users.of("alice")).isEmpty();
        assertThat(ended.reasons()).containsExactly(Reason.REVOKED);
    }

    @Test
    void expiresAtIsTheEarlierDeadline() {
        assertThat(session.expiresAt()).isEmpty();
        session.set("k", "v");
        Instant idle = Instant.now().plusSeconds(1800);
        assertThat(session.expiresAt())
                .get()
                .satisfies(at -> assertThat(Duration.between(at, idle).abs()).isLessThan(Duration.ofSeconds(5)));

        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .absoluteTimeout(Duration.ofMinutes(10))
                .build());

        assertThat(session.expiresAt()).contains(session.createdAt().plus(Duration.ofMinutes(10)));
    }

    @Test
    void absoluteTimeoutKeepsTheInactivityTimeoutWithinTheLifetimeLeft() {
        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .absoluteTimeout(Duration.ofMinutes(10))
                .build());
        session.set("k", "v");
        assertThat(session.maxInactiveInterval()).isLessThanOrEqualTo(Duration.ofMinutes(10));
        http.session().setAttribute(SessionLifetime.CREATED_AT_ATTRIBUTE, System.currentTimeMillis() - 9 * 60_000);

        lifetime.keepIdleWithinLifetime(http.session());

        assertThat(session.maxInactiveInterval()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
    }

    @Test
    void sessionTimedOutAtItsAbsoluteDeadlineEndsWithAbsoluteTimeout() {
        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .absoluteTimeout(Duration.ofMinutes(10))
                .build());
        session.set("k", "v");
        FakeHttpSession expired = http.session();
        expired.setAttribute(SessionLifetime.CREATED_AT_ATTRIBUTE, System.currentTimeMillis() - 10 * 60_000);

        assertThat(ends.reasonOf(expired, Reason.EXPIRED)).isEqualTo(Reason.ABSOLUTE_TIMEOUT);
        assertThat(ends.reasonOf(expired, Reason.DELETED)).isEqualTo(Reason.DELETED);
        assertThat(lifetime.outlived(expired, Instant.now())).isTrue();
    }

    @Test
    void indexFollowsConcurrentLoginsEndsAndRevocations() throws Exception {
        ConcurrentLinkedQueue<FakeHttpSession> all = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 500; i++) {
                        String user = "user" + random.nextInt(5);
                        FakeHttpSession s = new FakeHttpSession(false);
                        s.beforeInvalidate(() -> usersListener.sessionDestroyed(new HttpSessionEvent(s)));
                        all.add(s);
                        bindings.bind(s, user);
                        try {
                            switch (random.nextInt(4)) {
                                case 0 -> s.invalidate();
                                case 1 -> {
                                    String old = s.getId();
                                    s.changeId();
                                    usersListener.sessionIdChanged(new HttpSessionEvent(s), old);
                                }
                                case 2 -> users.revoke(user);
                                default -> bindings.bind(s, "user" + random.nextInt(5));
                            }
                        } catch (IllegalStateException revokedMeanwhile) {
                            // another thread's revocation ended it first, as a container reports it
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        long live = all.stream().filter(s -> !s.isInvalidated()).count();
        int listed = 0;
        for (int u = 0; u < 5; u++) {
            List<UserSession> sessions = users.of("user" + u);
            assertThat(sessions)
                    .allSatisfy(
                            s -> assertThat(s.user()).isEqualTo(sessions.get(0).user()));
            listed += sessions.size();
        }
        assertThat(listed).isEqualTo((int) live);
        assertThat(local.size()).isEqualTo((int) live);
    }

    /** The container's session listeners of the library, as one. */
    class Listeners implements HttpSessionListener, HttpSessionIdListener {
        @Override
        public void sessionCreated(HttpSessionEvent event) {
            eventsListener.sessionCreated(event);
            lifetime.begin(event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            eventsListener.sessionDestroyed(event);
            usersListener.sessionDestroyed(event);
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
            eventsListener.sessionIdChanged(event, oldSessionId);
            usersListener.sessionIdChanged(event, oldSessionId);
        }
    }

    @ApplicationScoped
    static class Ends {
        private final List<Reason> reasons = new ArrayList<>();

        List<Reason> reasons() {
            return reasons;
        }

        void destroyed(@Observes SessionDestroyed event) {
            reasons.add(event.reason());
        }
    }
}
