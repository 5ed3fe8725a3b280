package dev.voltage.session.internal.slice;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.voltage.session.ScopedSession;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionLocks;
import dev.voltage.session.it.hostile.Basket;
import dev.voltage.session.it.hostile.BasketSession;
import dev.voltage.session.testing.FakeHttpRequest;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code basket} slice as one request of one session would, after putting something in
 * its attribute, with the library's log lines captured: no CDI container, so that the property
 * tests can run thousands of reads.
 */
final class HostileSliceReader implements AutoCloseable {

    final SliceCodec codec = new SliceCodec();
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.voltage.session");

    HostileSliceReader() {
        codec.open();
        lines.start();
        logger.addAppender(lines);
    }

    /** Reads the basket of a new request of a session whose slice attribute holds {@code content}. */
    Basket read(Object content) {
        return read("basket", content);
    }

    /** Reads a slice of the basket's type under another scope name, whose warning of the minute is not used up. */
    Basket read(String scope, Object content) {
        FakeHttpRequest http = new FakeHttpRequest();
        RequestThread.begin(http.asRequest());
        try {
            http.asRequest().getSession(true).setAttribute(ScopedSession.ATTRIBUTE_PREFIX + scope, content);
            return slices().read(scope, BasketSession.class, () -> Basket.DEFAULTS);
        } finally {
            RequestThread.end();
        }
    }

    /** Writes a basket in a request of a new session. */
    void write(Basket basket) {
        RequestThread.begin(new FakeHttpRequest().asRequest());
        try {
            slices().write("basket", BasketSession.class, basket);
        } finally {
            RequestThread.end();
        }
    }

    RequestSlices slices() {
        return new RequestSlices(new SessionLocks(new ActiveConfiguration()), codec);
    }

    List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
        codec.close();
    }
}
