package dev.voltage.session.internal.request;

import dev.voltage.session.Session;

/** Checks the keys that applications pass to {@link Session}. */
final class SessionKeys {

    private SessionKeys() {}

    /**
     * Returns the key when an application may use it.
     *
     * @throws IllegalArgumentException if it is {@code null}, blank or starts with the reserved prefix
     */
    static String requireUserKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A session key must not be null or blank, but was "
                    + (key == null ? "null" : "'" + key + "'") + "; name the value you store, e.g. \"cart\".");
        }
        if (isReserved(key)) {
            throw new IllegalArgumentException("The session key '" + key + "' starts with '" + Session.RESERVED_PREFIX
                    + "', which voltage-session reserves for its own attributes; choose a key without that prefix.");
        }
        return key;
    }

    /** Tells whether an attribute name belongs to the library. */
    static boolean isReserved(String attributeName) {
        return attributeName.startsWith(Session.RESERVED_PREFIX);
    }
}
