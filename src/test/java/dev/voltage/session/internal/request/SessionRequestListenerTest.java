package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The request listener leaves a pooled thread as it found it, even when the request's start fails. */
@EnableWeld
class SessionRequestListenerTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(LibraryBeans.with(SessionRequestListener.class));

    @Inject
    ActiveConfiguration settings;

    @Inject
    SessionRequestListener listener;

    @AfterEach
    void cleanThread() {
        RequestThread.end();
        MDC.clear();
    }

    @Test
    void requestInitializedWhenCreatingTheSessionThrowsThenTheThreadKeepsNoRequestAndNoMdcKey() {
        settings.use(SessionConfiguration.builder()
                .secret("a-test-secret")
                .saveUninitialized(true)
                .build());
        FakeHttpRequest http = new FakeHttpRequest();
        http.notify(new FailingSessionListener());
        MDC.put("sessionId", "left-by-an-earlier-request");

        assertThatThrownBy(() -> listener.requestInitialized(
                        new ServletRequestEvent(http.asRequest().getServletContext(), http.asRequest())))
                .hasMessage("session listener failing");

        assertThat(RequestThread.current()).isNull();
        assertThat(MDC.get("sessionId")).isNull();
    }

    /** Another listener of the container's that fails when a session is created. */
    static class FailingSessionListener implements HttpSessionListener, HttpSessionIdListener {
        @Override
        public void sessionCreated(HttpSessionEvent event) {
            throw new IllegalStateException("session listener failing");
        }

        @Override
        public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {}
    }
}
