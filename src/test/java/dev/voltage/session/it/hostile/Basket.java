package dev.voltage.session.it.hostile;

/**
 * A slice with an enum (whose unknown constants JSON-B quotes in its messages), a string and an
 * untyped field (which JSON-B fills with nested lists and maps, one level of recursion each).
 *
 * @param stage the step
 * @param note a text
 * @param extra anything
 */
public record Basket(Stage stage, String note, Object extra) {

    /** What a basket that was never written reads as. */
    public static final Basket DEFAULTS = new Basket(Stage.START, "empty", null);

    @Override
    public String toString() {
        return stage + "," + (note == null ? "null" : note.length() > 40 ? note.length() + " chars" : note) + ","
                + (extra == null ? "null" : extra.getClass().getSimpleName());
    }
}
