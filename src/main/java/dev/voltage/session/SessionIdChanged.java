package dev.voltage.session;

/**
 * A CDI event: a session got a new id and kept its data ({@link Session#regenerate()}, or any
 * code calling {@code changeSessionId()}). Fired once per change.
 *
 * @param oldLogId the log id of the old id
 * @param newLogId the log id of the new id
 */
public record SessionIdChanged(String oldLogId, String newLogId) {}
