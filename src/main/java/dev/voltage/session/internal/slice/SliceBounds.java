package dev.voltage.session.internal.slice;

/**
 * How large and how deep a slice's JSON may be, and a scan that tells, without parsing, whether a
 * document stays within both: what is past them is never handed to JSON-B, whose parser recurses
 * once per level of nesting.
 */
final class SliceBounds {

    /** The longest JSON a slice may be, in characters (1 MiB). */
    static final int MAX_CHARS = 1_048_576;

    /** The deepest nesting of arrays and objects a slice may have. */
    static final int MAX_DEPTH = 64;

    private SliceBounds() {}

    /**
     * Says what keeps a document from being decoded, without quoting it.
     *
     * @param json the document
     * @return the problem, or {@code null} when the document is within the bounds
     */
    static String problemOf(String json) {
        if (json.length() > MAX_CHARS) {
            return "it is " + json.length() + " characters long, more than the " + MAX_CHARS + " a slice may hold";
        }
        if (depthExceeds(json, MAX_DEPTH)) {
            return "its arrays and objects are nested deeper than " + MAX_DEPTH + " levels";
        }
        return null;
    }

    /** Whether the brackets outside strings nest deeper than {@code limit}; escapes inside strings are skipped. */
    static boolean depthExceeds(String json, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) {
                    return true;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return false;
    }
}
