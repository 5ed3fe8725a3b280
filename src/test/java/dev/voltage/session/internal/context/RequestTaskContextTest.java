package dev.voltage.session.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.testing.FakeHttpRequest;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What a task's thread has while the session's context runs on it, and has again after. */
class RequestTaskContextTest {

    private final HttpServletRequest submitting = new FakeHttpRequest().asRequest();

    @AfterEach
    void cleanThread() {
        RequestThread.end();
        MDC.clear();
    }

    @Test
    void aTaskBorrowsTheRequestAndItsLogIdAndAPooledThreadHasNothingAfter() {
        ThreadContextRestorer restorer =
                new RequestTaskContext(submitting, () -> false, "sessionId", "abc", null).begin();

        assertThat(RequestThread.current()).isSameAs(submitting);
        assertThat(MDC.get("sessionId")).isEqualTo("abc");
        RequestThread.requireLive();

        restorer.endContext();
        assertThat(RequestThread.current()).isNull();
        assertThat(RequestThread.borrowed()).isNull();
        assertThat(MDC.get("sessionId")).isNull();
    }

    @Test
    void aTaskRunOnARequestThreadGivesItBackItsOwnRequestAndLogId() {
        HttpServletRequest own = new FakeHttpRequest().asRequest();
        RequestThread.begin(own);
        MDC.put("sessionId", "own");

        ThreadContextRestorer restorer =
                new RequestTaskContext(submitting, () -> false, "sessionId", null, null).begin();
        assertThat(MDC.get("sessionId")).isNull();
        restorer.endContext();

        assertThat(RequestThread.current()).isSameAs(own);
        assertThat(RequestThread.borrowed()).isNull();
        assertThat(MDC.get("sessionId")).isEqualTo("own");
    }

    @Test
    void theClearedContextHidesTheThreadsRequestDuringTheTask() {
        RequestThread.begin(submitting);
        MDC.put("sessionId", "own");

        ThreadContextRestorer restorer = new RequestTaskContext(null, null, "sessionId", null, null).begin();
        assertThat(RequestThread.current()).isNull();
        assertThat(MDC.get("sessionId")).isNull();
        restorer.endContext();

        assertThat(RequestThread.current()).isSameAs(submitting);
        assertThat(MDC.get("sessionId")).isEqualTo("own");
    }

    @Test
    void aBorrowedRequestThatCompletedIsRefusedWithTheCause() {
        boolean[] completed = {false};
        BooleanSupplier completion = () -> completed[0];
        ThreadContextRestorer restorer =
                new RequestTaskContext(submitting, completion, "sessionId", "abc", null).begin();
        completed[0] = true;

        assertThatThrownBy(RequestThread::requireLive)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(RequestThread.REQUEST_COMPLETED);
        restorer.endContext();
        assertThat(RequestThread.current()).isNull();
    }
}
