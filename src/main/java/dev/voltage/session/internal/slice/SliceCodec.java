package dev.voltage.session.internal.slice;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/** Turns scope state into JSON and back with the server's JSON-B, one {@link Jsonb} per application. */
@ApplicationScoped
public class SliceCodec {

    private Jsonb jsonb;

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
     * @throws IllegalArgumentException if JSON-B cannot write it
     */
    public String encode(String name, Type type, Object state) {
        try {
            return jsonb.toJson(state, type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("The state of scope '" + name + "' (" + type.getTypeName()
                    + ") cannot be written as JSON: " + e.getMessage()
                    + ". Use a record or a class with public getters and setters that JSON-B can map.", e);
        }
    }

    /**
     * Reads a state from JSON, ignoring properties the type no longer has.
     *
     * @param type the state's type
     * @param json the JSON
     * @param <T> the state's type
     * @return the state
     * @throws JsonbException if the JSON cannot be read as {@code type}
     */
    public <T> T decode(Type type, String json) {
        return jsonb.fromJson(json, type);
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
