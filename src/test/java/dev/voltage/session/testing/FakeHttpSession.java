package dev.voltage.session.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link HttpSession} for Weld SE tests that behaves as the Servlet specification says. */
public class FakeHttpSession implements HttpSession {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final boolean recordWrites;
    private final long creationTime = System.currentTimeMillis();
    private volatile String id = UUID.randomUUID().toString();
    private volatile int maxInactiveInterval = 1800;
    private volatile boolean invalidated;
    private volatile boolean isNew = true;
    private volatile Runnable beforeInvalidate = () -> {};

    /** Runs {@code action} when the session is about to be invalidated, as the container tells its listeners. */
    public void beforeInvalidate(Runnable action) {
        beforeInvalidate = action;
    }

    /** A session that records the keys written to it, for tests of {@code save()}. */
    public FakeHttpSession() {
        this(true);
    }

    /** A session with a chosen id, for tests of ids that hash alike. */
    public FakeHttpSession(String id) {
        this(true);
        this.id = id;
    }

    /**
     * @param recordWrites whether to record the keys written (benchmarks, which write millions of times, do not)
     */
    public FakeHttpSession(boolean recordWrites) {
        this.recordWrites = recordWrites;
    }

    /** The keys passed to {@code setAttribute}, in order. */
    public List<String> writes() {
        return writes;
    }

    public boolean isInvalidated() {
        return invalidated;
    }

    /** Changes the id, as the container's {@code changeSessionId} does. */
    public void changeId() {
        checkValid();
        id = UUID.randomUUID().toString();
    }

    /** What a later request of the same client sees: the session is no longer new. */
    public void markKnownToClient() {
        isNew = false;
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return creationTime;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return creationTime;
    }

    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        checkValid();
        maxInactiveInterval = interval;
    }

    @Override
    public int getMaxInactiveInterval() {
        checkValid();
        return maxInactiveInterval;
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(List.copyOf(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object value) {
        checkValid();
        if (value == null) {
            removeAttribute(name);
            return;
        }
        if (recordWrites) {
            writes.add(name);
        }
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        checkValid();
        beforeInvalidate.run();
        invalidated = true;
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        checkValid();
        return isNew;
    }

    private void checkValid() {
        if (invalidated) {
            throw new IllegalStateException("Session " + id + " was invalidated");
        }
    }
}
