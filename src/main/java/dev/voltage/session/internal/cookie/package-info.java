/**
 * The library's filter and the session cookie it re-sends, clears and completes with {@code
 * SameSite}.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.cookie;
