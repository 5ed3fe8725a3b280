package dev.voltage.demo;

/** Where the checkout is; kept as a {@code ScopedSession} slice, so a plain record is enough. */
public record CheckoutState(Step step) {

    /** The checkout's steps, in order. */
    public enum Step {
        SHIPPING,
        PAYMENT,
        REVIEW;

        /** The step after this one; the last stays. */
        public Step next() {
            return values()[Math.min(ordinal() + 1, values().length - 1)];
        }
    }
}
