/**
 * How long a session lives besides the container's inactivity timeout: the absolute timeout
 * (checked at each request before application code runs, and kept within the container's
 * inactivity timeout for sessions that get no more requests), and the sessions the library ends
 * for a reason the container cannot see (absolute timeout, revocation), whose events and cookies
 * it must tell apart.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.lifetime;
