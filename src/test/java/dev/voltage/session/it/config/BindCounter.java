package dev.voltage.session.it.config;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serializable;

/**
 * A session value that counts how often it was set into the session, which is what a
 * replicating container notices; WildFly tells it on every {@code setAttribute}, the same
 * instance included.
 */
public class BindCounter implements HttpSessionBindingListener, Serializable {

    private static final long serialVersionUID = 1L;

    private int bound;

    @Override
    public void valueBound(HttpSessionBindingEvent event) {
        bound++;
    }

    public int bound() {
        return bound;
    }
}
