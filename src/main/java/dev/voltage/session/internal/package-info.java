/**
 * The library's machinery: the request-scoped {@code Session} implementation, the servlet
 * listener that hands it the request, the per-session locks and the value checks.
 *
 * <p>Nothing here is API: applications use the types of {@code dev.voltage.session} and reach
 * these classes only through CDI. They may change in any release.
 */
package dev.voltage.session.internal;
