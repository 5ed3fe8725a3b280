package dev.voltage.session.internal.context;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import java.util.function.BooleanSupplier;

/**
 * Whether a request has completed, kept apart from the request: once it completed, the container
 * may recycle the request object for another client, so a task that outlives it must not ask the
 * request itself. Made when a task first captures the request's context, marked by
 * {@link RequestCompletionListener} or, for a request that went asynchronous, when its
 * {@code AsyncContext} completes.
 */
final class RequestCompletion implements BooleanSupplier, AsyncListener {

    private static final String ATTRIBUTE = "dev.voltage.session.context.completion";

    private volatile boolean completed;

    private RequestCompletion() {}

    /**
     * Returns the completion record of a request that is being served, making it on first use.
     *
     * @param request the request
     * @return its record
     */
    static RequestCompletion of(ServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof RequestCompletion completion) {
            return completion;
        }
        RequestCompletion completion = new RequestCompletion();
        request.setAttribute(ATTRIBUTE, completion);
        return completion;
    }

    /**
     * Records that the container is done with a dispatch of a request a task captured: the request
     * completes now, or, when it went asynchronous, when its {@code AsyncContext} completes (some
     * containers, Undertow among them, report the end of every dispatch).
     *
     * @param request the request
     */
    static void dispatchDone(ServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof RequestCompletion completion)) {
            return;
        }
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(completion);
                return;
            } catch (IllegalStateException completedMeanwhile) {
                // the asynchronous part ended between the two calls: the request is done
            }
        }
        completion.completed = true;
    }

    @Override
    public boolean getAsBoolean() {
        return completed;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        completed = true;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the application may still answer; onComplete follows
    }

    @Override
    public void onError(AsyncEvent event) {
        // onComplete follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this); // a new asynchronous cycle drops the listeners of the last
    }
}
