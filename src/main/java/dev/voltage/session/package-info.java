/**
 * voltage-session: an injectable {@link dev.voltage.session.Session} over the container's
 * {@code HttpSession} for Jakarta EE applications.
 *
 * <p>Add the jar to a WAR and write {@code @Inject Session session;} in any JAX-RS resource,
 * servlet, filter or CDI bean called during a request. Nothing else is needed: the jar is a
 * bean archive and registers what it needs with the container itself.
 */
package dev.voltage.session;
