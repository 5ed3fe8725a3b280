package dev.voltage.session.it.async;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tasks that outlive their request: each waits until a later request releases it (its own
 * request has answered by then), then a second more for the container to finish that request,
 * and records what its session work gave.
 */
@ApplicationScoped
public class LateTasks {

    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    /** Prepares the release of the task named by a token. */
    public void expect(String token) {
        releases.put(token, new CountDownLatch(1));
    }

    /** Runs session work once released, recording "done" or the exception it threw. */
    public void runAfterRelease(String token, Runnable work) {
        try {
            if (!releases.get(token).await(30, TimeUnit.SECONDS)) {
                outcomes.put(token, "never released");
                return;
            }
            Thread.sleep(1000);
            work.run();
            outcomes.put(token, "done");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.put(token, "interrupted");
        } catch (RuntimeException e) {
            outcomes.put(token, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Lets the task named by a token go on. */
    public void release(String token) {
        CountDownLatch latch = releases.get(token);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** What the task did, or "pending". */
    public String outcome(String token) {
        return outcomes.getOrDefault(token, "pending");
    }
}
