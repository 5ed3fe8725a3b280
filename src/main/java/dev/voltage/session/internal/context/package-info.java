/**
 * The request's session beyond the thread that serves it: the Jakarta Concurrency context
 * provider that carries the request, its log id and a CDI request context into the tasks it
 * submits to a managed executor or wraps with a {@code ContextService}, the record of when a
 * request has completed (after which such a task may no longer use its session), and the filter
 * that gives a servlet's asynchronous dispatch its request.
 *
 * <p>The Concurrency API is optional at run time: only {@code ServiceLoader} loads
 * {@link dev.voltage.session.internal.context.SessionContextProvider} and the snapshot it makes,
 * so the library runs on servers without Jakarta Concurrency.
 *
 * <p>Machinery, not API: it may change in any release.
 */
package dev.voltage.session.internal.context;
