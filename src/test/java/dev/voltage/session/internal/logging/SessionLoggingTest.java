package dev.voltage.session.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.voltage.session.Session;
import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.SessionCreated;
import dev.voltage.session.SessionDestroyed;
import dev.voltage.session.SessionIdChanged;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionRequestListener;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The MDC and the events as logback and an observer see them, the listeners driven as the container drives them. */
@EnableWeld
class SessionLoggingTest {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("app");

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(
                    LibraryBeans.with(SessionRequestListener.class, SessionEventsListener.class, RecordedEvents.class))
            .activate(RequestScoped.class)
            .build();

    @Inject
    Session session;

    @Inject
    ActiveConfiguration settings;

    @Inject
    LogIds logIds;

    @Inject
    SessionRequestListener requestListener;

    @Inject
    SessionEventsListener eventsListener;

    @Inject
    RecordedEvents events;

    ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        settings.use(SessionConfiguration.builder().secret("a-test-secret").build());
        lines.start();
        ((Logger) LoggerFactory.getLogger("app")).addAppender(lines);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger("app")).detachAppender(lines);
        org.slf4j.MDC.clear();
        RequestThread.end(); // as the container does when a request is done
    }

    @Test
    void fingerprintIsHmacSha256OfTheIdInHexCutTo16Characters() {
        settings.use(SessionConfiguration.builder().secret("Jefe").build());

        // RFC 4231, test case 2
        assertThat(logIds.fingerprint("what do ya want for nothing?")).isEqualTo("5bdcc146bf60754e");
    }

    @Test
    void fingerprintOfTheSameIdFollowsTheSecret() {
        String id = "what do ya want for nothing?";
        String before = logIds.fingerprint(id);

        settings.use(SessionConfiguration.builder().secret("Jefe").build());

        assertThat(logIds.fingerprint(id)).isEqualTo("5bdcc146bf60754e").isNotEqualTo(before);
        assertThat(logIds.fingerprint(id)).isEqualTo("5bdcc146bf60754e");
    }

    @Test
    void aRequestWithoutSessionLogsNoSessionId() {
        serve(new FakeHttpRequest());

        LOG.info("anonymous");

        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getMDCPropertyMap()).doesNotContainKey("sessionId"));
    }

    @Test
    void aRequestOfAnExistingSessionLogsItsFingerprintFromTheStart() {
        FakeHttpSession existing = new FakeHttpSession();
        serve(new FakeHttpRequest(existing));

        LOG.info("known client");

        assertThat(mdcOf(0))
                .isEqualTo(logIds.fingerprint(existing.getId()))
                .hasSize(16)
                .isNotEqualTo(existing.getId());
    }

    @Test
    void theMdcFollowsTheSessionInsideTheRequest() {
        FakeHttpRequest http = serve(new FakeHttpRequest());
        LOG.info("before");

        session.set("cart", "apple");
        String created = session.id().orElseThrow();
        LOG.info("created");

        session.regenerate();
        String regenerated = session.id().orElseThrow();
        LOG.info("regenerated");

        session.delete();
        LOG.info("deleted");

        http.asRequest().getSession(true);
        LOG.info("created by other code");

        assertThat(mdcOf(0)).isNull();
        assertThat(mdcOf(1)).isEqualTo(logIds.fingerprint(created));
        assertThat(mdcOf(2)).isEqualTo(logIds.fingerprint(regenerated)).isNotEqualTo(mdcOf(1));
        assertThat(mdcOf(3)).isNull();
        assertThat(mdcOf(4)).isEqualTo(logIds.fingerprint(http.session().getId()));
    }

    @Test
    void theEndOfTheRequestRemovesTheKey() {
        FakeHttpRequest http = serve(new FakeHttpRequest(new FakeHttpSession()));

        requestListener.requestDestroyed(
                new ServletRequestEvent(http.asRequest().getServletContext(), http.asRequest()));
        LOG.info("after the request");

        assertThat(mdcOf(0)).isNull();
    }

    @Test
    void eventsCarryLogIdsAndFireOncePerChange() {
        serve(new FakeHttpRequest());

        session.set("cart", "apple");
        String first = session.logId().orElseThrow();
        session.regenerate();
        String second = session.logId().orElseThrow();
        session.delete();

        assertThat(events.all())
                .containsExactly(
                        new SessionCreated(first),
                        new SessionIdChanged(first, second),
                        new SessionDestroyed(second, SessionDestroyed.Reason.DELETED));
    }

    @Test
    void logIdRawPutsTheRawIdInTheMdc() {
        settings.use(SessionConfiguration.builder().logId("raw").build());
        FakeHttpSession existing = new FakeHttpSession();
        serve(new FakeHttpRequest(existing));

        LOG.info("raw");

        assertThat(mdcOf(0)).isEqualTo(existing.getId());
        assertThat(session.logId()).contains(existing.getId());
    }

    @Test
    void logIdNoneKeepsTheIdOutOfTheMdcOnly() {
        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .logId("none")
                .build());
        FakeHttpSession existing = new FakeHttpSession();
        serve(new FakeHttpRequest(existing));

        LOG.info("none");

        assertThat(mdcOf(0)).isNull();
        assertThat(session.logId()).contains(logIds.fingerprint(existing.getId()));
    }

    @Test
    void theMdcKeyIsConfigurable() {
        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .logMdcKey("sid")
                .build());
        FakeHttpSession existing = new FakeHttpSession();
        serve(new FakeHttpRequest(existing));

        LOG.info("custom key");

        assertThat(lines.list.get(0).getMDCPropertyMap())
                .containsEntry("sid", logIds.fingerprint(existing.getId()))
                .doesNotContainKey("sessionId");
        requestListener.requestDestroyed(new ServletRequestEvent(
                new FakeHttpRequest().asRequest().getServletContext(), new FakeHttpRequest().asRequest()));
        assertThat(org.slf4j.MDC.get("sid")).isNull();
    }

    private FakeHttpRequest serve(FakeHttpRequest http) {
        http.notify(eventsListener);
        requestListener.requestInitialized(
                new ServletRequestEvent(http.asRequest().getServletContext(), http.asRequest()));
        return http;
    }

    private String mdcOf(int line) {
        return lines.list.get(line).getMDCPropertyMap().get("sessionId");
    }

    /** An application's observer of the library's events. */
    @ApplicationScoped
    static class RecordedEvents {
        private final List<Object> all = new ArrayList<>();

        List<Object> all() {
            return all;
        }

        void created(@Observes SessionCreated event) {
            all.add(event);
        }

        void idChanged(@Observes SessionIdChanged event) {
            all.add(event);
        }

        void destroyed(@Observes SessionDestroyed event) {
            all.add(event);
        }
    }
}
