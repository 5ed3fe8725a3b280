package dev.voltage.session.internal.slice;

import dev.voltage.session.internal.ApplicationSingleton;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/**
 * Turns scope state into JSON and back with the server's JSON-B, one {@link Jsonb} per
 * application, within the bounds of a slice (1 MiB of JSON, 64 levels deep).
 */
@ApplicationSingleton
public class SliceCodec {

    private Jsonb jsonb;
    private final SliceWarnings warnings = new SliceWarnings(System::nanoTime);
    private final DecodedSlices decoded = new DecodedSlices();

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
    }

    /**
     * Writes a state as JSON.
     *
     * @param name the scope's name, for the error message
     * @param type the state's type
     * @param state the state
     * @return its JSON
     * @throws IllegalArgumentException if JSON-B cannot write it, or its JSON is larger or deeper than a slice may be
     */
    public String encode(String name, Type type, Object state) {
        String json;
        try {
            json = jsonb.toJson(state, type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException(
                    "The state of scope '" + name + "' (" + type.getTypeName()
                            + ") cannot be written as JSON: " + e.getMessage()
                            + ". Use a record or a class with public getters and setters that JSON-B can map.",
                    e);
        }
        String problem = SliceBounds.problemOf(json);
        if (problem != null) {
            throw new IllegalArgumentException("The state of scope '" + name + "' (" + type.getTypeName()
                    + ") cannot be stored: as JSON " + problem + ". Keep large data elsewhere (a database) "
                    + "and only what finds it in the session.");
        }
        return json;
    }

    /**
     * Reads a state from JSON, ignoring properties the type does not have. A document larger or
     * deeper than a slice may be is not parsed at all. The very {@code String} instance decoded
     * (or {@link #remember remembered}) lately on this server is not decoded again: its state is
     * handed out as a copy ({@link DecodedSlices}).
     *
     * @param type the state's type
     * @param json the JSON
     * @param <T> the state's type
     * @return the state, never {@code null}
     * @throws UnreadableSliceException saying, without quoting the document, why it cannot be read
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(Type type, String json) {
        Object known = decoded.find(json, type);
        if (known != null) {
            return (T) known;
        }
        String problem = SliceBounds.problemOf(json);
        if (problem != null) {
            throw new UnreadableSliceException(problem);
        }
        T state;
        try {
            state = jsonb.fromJson(json, type);
        } catch (JsonbException | ClassCastException e) {
            // JSON-B's messages quote the document (an enum constant it did not know, say): never passed on
            throw new UnreadableSliceException(
                    isParsing(e)
                            ? "it is not valid JSON"
                            : "its JSON does not fit the type (" + e.getClass().getSimpleName() + ")",
                    e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new UnreadableSliceException(
                    "decoding it failed with " + e.getClass().getName(), e);
        }
        if (state == null) {
            throw new UnreadableSliceException("it is JSON null");
        }
        decoded.keep(json, type, state);
        return state;
    }

    /**
     * Remembers the state that {@link #encode} turned into this very JSON instance, so that the
     * next request that reads it does not decode it.
     *
     * @param json the JSON, as it is written to the session
     * @param type the state's type
     * @param state the state, which the caller may go on changing: a copy is kept
     * @param replaced what the attribute held before, whose decoded state is no longer needed;
     *     {@code null} when it is not known
     */
    public void remember(String json, Type type, Object state, Object replaced) {
        if (replaced instanceof String previous) {
            decoded.drop(previous);
        }
        decoded.keep(json, type, state);
    }

    /**
     * Whether a warning about a scope may be written now: at most one a minute per scope.
     *
     * @param name the scope's name
     * @return {@code true} when the scope has had no warning in the last minute
     */
    public boolean mayWarn(String name) {
        return warnings.allow(name);
    }

    private static boolean isParsing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // JSON-P's exceptions, by name: the library does not depend on JSON-P itself
            if (cause.getClass().getName().startsWith("jakarta.json.stream.")
                    || cause.getClass().getName().equals("jakarta.json.JsonException")) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is lost: the application is shutting down
        }
    }
}
