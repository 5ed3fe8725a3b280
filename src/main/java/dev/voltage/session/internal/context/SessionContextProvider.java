package dev.voltage.session.internal.context;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.request.RequestThread;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * The session's thread context for Jakarta Concurrency, found by the server through
 * {@code ServiceLoader}: a task submitted from a request to a managed executor, or wrapped by a
 * {@code ContextService}, runs with that request ({@link RequestThread}), its log id in the MDC and,
 * when the thread has none, a CDI request context of its own, so that {@code Session} reaches the
 * request's session; the thread gets back what it had when the task ends.
 *
 * <p>Its context type is {@value #CONTEXT_TYPE}: a {@code @ContextServiceDefinition} propagates it
 * by that name or under {@code ALL_REMAINING}, and clears it when it lists it as cleared. Open
 * Liberty propagates third-party context only through an application's own definitions: its
 * default executor and {@code ContextService}, like every {@code contextService} of its
 * {@code server.xml}, never capture it (their tasks run without the request).
 */
public class SessionContextProvider implements ThreadContextProvider {

    /** The name of this context type in a {@code @ContextServiceDefinition}. */
    public static final String CONTEXT_TYPE = "VoltageSession";

    /**
     * The MDC key the cleared context removes: the configured one, as the last capture in a request
     * read it (this class is the application's own, in its {@code WEB-INF/lib}).
     */
    private static volatile String knownMdcKey = SessionConfiguration.defaults().logMdcKey();

    /** Made by {@code ServiceLoader}. */
    public SessionContextProvider() {}

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> properties) {
        HttpServletRequest request = RequestThread.current();
        if (request == null) {
            return clearedContext(properties);
        }
        BooleanSupplier completed = RequestThread.borrowed(); // a task submitting a task passes its request on
        if (completed == null) {
            completed = RequestCompletion.of(request);
        }
        CDI<Object> cdi = CDI.current();
        String mdcKey =
                cdi.select(ActiveConfiguration.class).get().configuration().logMdcKey();
        knownMdcKey = mdcKey;
        return new RequestTaskContext(
                request, completed, mdcKey, MDC.get(mdcKey), cdi.select(RequestContextController.class));
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> properties) {
        // Servers call this anywhere, Open Liberty even for Weld's own tasks while CDI starts: no CDI here.
        return new RequestTaskContext(null, null, knownMdcKey, null, null);
    }

    @Override
    public String getThreadContextType() {
        return CONTEXT_TYPE;
    }
}
