package dev.voltage.demo;

import jakarta.ws.rs.BadRequestException;

/**
 * Checks the name a visitor logs in with. It is shown on the page and written to the log, so it
 * holds no control characters (a CR or LF would forge log lines) and is short.
 */
final class LoginNames {

    static final int MAX_LENGTH = 64;

    private LoginNames() {}

    /**
     * Returns the name, trimmed, when it can be used.
     *
     * @throws BadRequestException if it is missing, too long or holds control characters
     */
    static String require(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BadRequestException("Enter a name to log in.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new BadRequestException("A name has at most " + MAX_LENGTH + " characters.");
        }
        if (trimmed.codePoints()
                .anyMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            throw new BadRequestException("A name holds letters, digits, spaces and punctuation only.");
        }
        return trimmed;
    }
}
