package dev.voltage.session.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.Session;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class SessionOutsideRequestTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(RequestSession.class, SessionLocks.class, RequestSlices.class, SliceCodec.class, SessionSettings.class, LogIds.class);

    @Inject
    Session session;

    @Inject
    RequestContextController requestContext;

    @Test
    void usedWithoutActiveRequestContextThenContextNotActiveException() {
        assertThatThrownBy(() -> session.get("cart")).isInstanceOf(ContextNotActiveException.class);
    }

    @Test
    void usedInARequestContextWithoutHttpRequestThenContextNotActiveExceptionSayingSessionNeedsAnHttpRequest() {
        requestContext.activate();
        try {
            assertThatThrownBy(() -> session.set("cart", "x"))
                    .isInstanceOf(ContextNotActiveException.class)
                    .hasMessage(CurrentRequest.NO_HTTP_REQUEST);
        } finally {
            requestContext.deactivate();
        }
    }
}
