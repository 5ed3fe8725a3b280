package dev.voltage.session.internal;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.temporal.TemporalAccessor;

/**
 * Refuses session values that could not survive a restart or a fail-over, at the moment they are
 * stored rather than later, when the container tries to write them and the data is lost.
 */
final class SerializableValues {

    private SerializableValues() {
    }

    /**
     * Checks that a value, and everything it refers to, can be serialised.
     *
     * @throws IllegalArgumentException naming the key and the class that cannot be serialised
     */
    static void requireSerializable(String key, Object value) {
        if (value == null || isKnownSerializable(value)) {
            return;
        }
        if (!(value instanceof Serializable)) {
            throw notSerializable(key, value, value.getClass().getName(), null);
        }
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw notSerializable(key, value, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The value for session key '" + key + "' (" + value.getClass().getName()
                    + ") failed to serialise: " + e + ". Session values must survive a restart and a fail-over.", e);
        }
    }

    private static boolean isKnownSerializable(Object value) {
        return value instanceof String || value instanceof Number && value.getClass().getName().startsWith("java.lang.")
                || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof TemporalAccessor && value.getClass().getName().startsWith("java.time.");
    }

    private static IllegalArgumentException notSerializable(String key, Object value, String culprit, Exception cause) {
        String what = value.getClass().getName();
        String why = culprit.equals(what) ? ", which is not Serializable" : ", which holds a " + culprit + ", which is not Serializable";
        return new IllegalArgumentException("The value for session key '" + key + "' is a " + what + why
                + "; session values must survive a restart and a fail-over. Make " + culprit
                + " implement java.io.Serializable, or set voltage.session.require-serializable=false.", cause);
    }
}
