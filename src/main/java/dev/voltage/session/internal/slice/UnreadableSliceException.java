package dev.voltage.session.internal.slice;

/**
 * A slice's JSON cannot be read as its scope's type. The message says what kind of problem it is
 * and never quotes the document, which may hold personal data.
 */
public class UnreadableSliceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, without the document's content
     */
    public UnreadableSliceException(String problem) {
        super(problem, null, false, false);
    }

    /**
     * Creates the exception with the failure of the decoder, kept for a debugger, not for the log.
     *
     * @param problem what is wrong, without the document's content
     * @param cause what the decoder threw
     */
    public UnreadableSliceException(String problem, Throwable cause) {
        super(problem, cause, false, false);
    }
}
