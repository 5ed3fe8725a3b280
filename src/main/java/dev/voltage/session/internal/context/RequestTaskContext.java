package dev.voltage.session.internal.context;

import dev.voltage.session.internal.request.RequestThread;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * The session's context captured from a request (or the cleared one, without a request), applied
 * to the thread of each task that runs with it and removed after, whatever the task did.
 *
 * <p>A task's thread borrows the request ({@link RequestThread#lend}) until the request completes;
 * after that, {@code Session} refuses to reach its session. Where the server does not propagate
 * CDI's request context (none of the four tested does), the task gets a request context of its
 * own: its request-scoped beans are new ones, while {@code Session} still reads and writes the
 * request's session.
 */
final class RequestTaskContext implements ThreadContextSnapshot {

    private final HttpServletRequest request;
    private final BooleanSupplier completed;
    private final String mdcKey;
    private final String logId;
    private final Instance<RequestContextController> controllers;

    /**
     * @param request the request the task runs for, or {@code null} for the cleared context
     * @param completed tells whether the request has completed; {@code null} with no request
     * @param mdcKey the MDC key of the log id
     * @param logId the log id the request showed, or {@code null}
     * @param controllers activate a request context for the task; {@code null} with no request
     */
    RequestTaskContext(
            HttpServletRequest request,
            BooleanSupplier completed,
            String mdcKey,
            String logId,
            Instance<RequestContextController> controllers) {
        this.request = request;
        this.completed = completed;
        this.mdcKey = mdcKey;
        this.logId = logId;
        this.controllers = controllers;
    }

    @Override
    public ThreadContextRestorer begin() {
        HttpServletRequest previousRequest = RequestThread.current();
        BooleanSupplier previousLoan = RequestThread.borrowed();
        String previousLogId = MDC.get(mdcKey);
        RequestThread.lend(request, completed);
        show(logId);
        RequestContextController controller = controllers == null ? null : controllers.get();
        boolean activated;
        try {
            activated = controller != null && controller.activate();
        } catch (RuntimeException e) {
            restore(previousRequest, previousLoan, previousLogId, controller, false);
            throw e;
        }
        return () -> restore(previousRequest, previousLoan, previousLogId, controller, activated);
    }

    private void restore(
            HttpServletRequest previousRequest,
            BooleanSupplier previousLoan,
            String previousLogId,
            RequestContextController controller,
            boolean activated) {
        try {
            if (activated) {
                controller.deactivate();
            }
            if (controller != null) {
                controllers.destroy(controller);
            }
        } finally {
            RequestThread.lend(previousRequest, previousLoan);
            show(previousLogId);
        }
    }

    private void show(String value) {
        if (value == null) {
            MDC.remove(mdcKey);
        } else {
            MDC.put(mdcKey, value);
        }
    }
}
