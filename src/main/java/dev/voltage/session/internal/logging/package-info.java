/**
 * Log ids (fingerprints of session ids), the SLF4J MDC that carries them, and the CDI events of
 * the session's lifecycle.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.logging;
