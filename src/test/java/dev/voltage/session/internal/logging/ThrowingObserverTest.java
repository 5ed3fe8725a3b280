package dev.voltage.session.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSessionEvent;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An observer of the session events that throws: the container's call returns, the log says which session, by log id. */
@EnableWeld
class ThrowingObserverTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(LibraryBeans.with(SessionEventsListener.class, Throwing.class));

    @Inject
    ActiveConfiguration settings;

    @Inject
    LogIds logIds;

    @Inject
    SessionEventsListener listener;

    ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        settings.use(SessionConfiguration.builder().secret("a-test-secret").build());
        lines.start();
        ((Logger) LoggerFactory.getLogger(SessionEventsListener.class)).addAppender(lines);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(SessionEventsListener.class)).detachAppender(lines);
        org.slf4j.MDC.clear();
    }

    @Test
    void sessionCreatedWhenTheObserverThrowsThenLoggedWithTheLogIdAndNotThrown() {
        FakeHttpSession session = new FakeHttpSession();

        listener.sessionCreated(new HttpSessionEvent(session));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage())
                    .isEqualTo("An observer of SessionCreated for the session with log id " + logIds.of(session.getId())
                            + " threw; the session goes on.")
                    .doesNotContain(session.getId());
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("observer failing");
        });
    }

    @Test
    void sessionIdChangedAndDestroyedWhenTheObserverThrowsThenLoggedAndNotThrown() {
        FakeHttpSession session = new FakeHttpSession();

        listener.sessionIdChanged(new HttpSessionEvent(session), "an-old-id");
        listener.sessionDestroyed(new HttpSessionEvent(session));

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "An observer of SessionIdChanged for the session with log id " + logIds.of(session.getId())
                                + " threw; the session goes on.",
                        "An observer of SessionDestroyed for the session with log id " + logIds.of(session.getId())
                                + " threw; the session goes on.");
    }

    /** An application's observers that all throw. */
    @ApplicationScoped
    static class Throwing {
        void created(@Observes SessionCreated event) {
            throw new IllegalStateException("observer failing");
        }

        void idChanged(@Observes SessionIdChanged event) {
            throw new IllegalStateException("observer failing");
        }

        void destroyed(@Observes SessionDestroyed event) {
            throw new IllegalStateException("observer failing");
        }
    }
}
