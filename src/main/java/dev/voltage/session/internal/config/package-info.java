/**
 * Reading the {@code voltage.session.*} configuration, holding the one in force, and applying it
 * to the container at start-up.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.config;
