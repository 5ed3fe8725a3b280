package dev.voltage.session.spi;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where {@link dev.voltage.session.ScopedSession} keeps its state: one JSON slice of the current
 * request's session per scope name. The library provides the only implementation; applications
 * use {@code ScopedSession} and never this interface.
 */
public interface SliceStore {

    /**
     * Returns the state of a scope, decoding it at most once per request.
     *
     * @param name the scope's name
     * @param scope the {@code ScopedSession} subclass, whose type argument is the state's type
     * @param defaults the state when the scope has not been written, or cannot be decoded
     * @param <T> the state's type
     * @return the state
     */
    <T> T read(String name, Class<?> scope, Supplier<? extends T> defaults);

    /**
     * Replaces the state of a scope, creating the session when there is none.
     *
     * @param name the scope's name
     * @param scope the {@code ScopedSession} subclass, whose type argument is the state's type
     * @param state the new state
     * @param <T> the state's type
     * @throws IllegalArgumentException if the state cannot be written as JSON
     */
    <T> void write(String name, Class<?> scope, T state);

    /**
     * Reads, changes and writes back the state of a scope in one step that no other request of
     * the same session interleaves with on this server.
     *
     * @param name the scope's name
     * @param scope the {@code ScopedSession} subclass, whose type argument is the state's type
     * @param defaults the state the updater gets when the scope has not been written
     * @param updater gets the current state and returns the new one ({@code null} goes back to the defaults)
     * @param <T> the state's type
     * @return the new state
     * @throws IllegalArgumentException if the new state cannot be written as JSON
     */
    <T> T update(String name, Class<?> scope, Supplier<? extends T> defaults, UnaryOperator<T> updater);

    /**
     * Removes the state of a scope; does nothing without a session.
     *
     * @param name the scope's name
     */
    void remove(String name);
}
