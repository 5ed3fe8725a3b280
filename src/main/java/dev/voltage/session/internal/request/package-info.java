/**
 * The request-scoped {@code Session} of each HTTP request: its access to the container's session,
 * the per-session locks, the checks of keys and values, and the listener that tells the library
 * which request a thread serves.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.request;
