/**
 * The library's machinery, grouped by concern: the CDI extension here; {@code request} (the
 * request-scoped {@code Session}, its access to the container's session, the per-session locks,
 * the key and value checks, the request listener); {@code cookie} (the filter and the session
 * cookie); {@code logging} (log ids, the MDC, the session events); {@code config} (reading,
 * holding and applying the configuration); {@code slice} (the JSON slices of
 * {@code ScopedSession}); {@code lifetime} (the absolute timeout, and the sessions the library
 * ends for a reason the container cannot see); {@code users} (the sessions of a user: the binding
 * of {@code login}, the memory and jdbc indexes, {@code UserSessions}).
 *
 * <p>Nothing here is API: applications use the types of {@code dev.voltage.session} and reach
 * these classes only through CDI. They may change in any release.
 */
package dev.voltage.session.internal;
