package dev.voltage.session.it.scopes;

/** The checkout's steps, in order. */
public enum Step {
    SHIPPING,
    PAYMENT,
    REVIEW
}
