package dev.voltage.session.it.hygiene;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import org.slf4j.MDC;

/**
 * An application's request listener declared in web.xml, which the container calls before the
 * library's: it records what the MDC of the thread held when the request arrived.
 */
public class MdcProbeListener implements ServletRequestListener {

    /** The request attribute with the MDC's {@code sessionId} as the request found it. */
    public static final String MDC_AT_START = "mdc-at-start";

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        event.getServletRequest().setAttribute(MDC_AT_START, String.valueOf(MDC.get("sessionId")));
    }
}
