package dev.voltage.session;

/**
 * A CDI event: a session was created, by {@link Session} or by any other code.
 *
 * <pre>
 * void onCreated(&#64;Observes SessionCreated event) {
 *     log.info("session {} started", event.logId());
 * }
 * </pre>
 *
 * @param logId the session's log id (its fingerprint, or the raw id when {@code voltage.session.log.id=raw})
 */
public record SessionCreated(String logId) {}
