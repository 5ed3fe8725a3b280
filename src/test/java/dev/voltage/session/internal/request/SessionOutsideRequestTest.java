package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.Session;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableWeld
class SessionOutsideRequestTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(LibraryBeans.with());

    @Inject
    Session session;

    @Inject
    RequestContextController requestContext;

    @Test
    void usedWithoutActiveRequestContextThenContextNotActiveException() {
        assertThatThrownBy(() -> session.get("cart")).isInstanceOf(ContextNotActiveException.class);
    }

    @BeforeEach
    @AfterEach
    void forgetTheListener() {
        RequestThread.forgetListener();
    }

    @Test
    void usedInARequestContextWithoutHttpRequestThenContextNotActiveExceptionSayingSessionNeedsAnHttpRequest() {
        new SessionRequestListener(); // the container created it: it serves every request there is
        requestContext.activate();
        try {
            assertThatThrownBy(() -> session.set("cart", "x"))
                    .isInstanceOf(ContextNotActiveException.class)
                    .hasMessage(SessionAccess.NO_HTTP_REQUEST);
        } finally {
            requestContext.deactivate();
        }
    }

    @Test
    void usedWhereTheRequestListenerWasNeverCreatedThenTheMessageNamesTheRegistration() {
        requestContext.activate();
        try {
            assertThatThrownBy(() -> session.set("cart", "x"))
                    .isInstanceOf(ContextNotActiveException.class)
                    .hasMessage(RequestThread.LISTENER_NOT_REGISTERED)
                    .hasMessageContaining("ServletContainerInitializer");
        } finally {
            requestContext.deactivate();
        }
    }
}
