/**
 * The JSON slices of {@code ScopedSession}: the per-request store, the codec and the resolution of
 * state types.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.slice;
