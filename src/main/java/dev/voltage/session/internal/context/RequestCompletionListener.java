package dev.voltage.session.internal.context;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Records that a request has completed, for the tasks that captured its context and may still
 * run ({@link RequestCompletion}); registered by the jar itself. Containers call it when the
 * request is done, and some at the end of each dispatch of an asynchronous request too.
 */
public class RequestCompletionListener implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        RequestCompletion.dispatchDone(event.getServletRequest());
    }
}
