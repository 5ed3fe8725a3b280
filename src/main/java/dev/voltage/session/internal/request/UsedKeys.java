package dev.voltage.session.internal.request;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The keys one request read or wrote, for {@code Session.save()}. Most requests use one key,
 * which costs a field here, not a set.
 */
final class UsedKeys {

    private String first;
    private Set<String> others;

    /** Records that the request used a key. */
    void add(String key) {
        if (key.equals(first)) {
            return;
        }
        if (first == null && others == null) {
            first = key;
            return;
        }
        if (others == null) {
            others = new LinkedHashSet<>();
        }
        others.add(key);
    }

    /** Forgets a key the request removed. */
    void remove(String key) {
        if (key.equals(first)) {
            first = null;
        } else if (others != null) {
            others.remove(key);
        }
    }

    /** Forgets every key. */
    void clear() {
        first = null;
        others = null;
    }

    /** Hands each key to {@code action}, once. */
    void forEach(Consumer<String> action) {
        if (first != null) {
            action.accept(first);
        }
        if (others != null) {
            others.forEach(action);
        }
    }
}
