/**
 * The sessions of a user: the binding {@code Session.login} makes, the index that lists a user's
 * sessions (in this server's memory, or in a table shared by a cluster), the {@code UserSessions}
 * bean over it, and the listener that keeps the index to the live sessions.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.users;
