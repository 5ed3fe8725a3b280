package dev.voltage.session.it.scopes;

/** The checkout's state, as the spec's example has it. */
public record CheckoutState(Step step, String addressId) {}
