package dev.voltage.session.it.hostile;

/** The steps of a basket. */
public enum Stage {
    START,
    PAID
}
