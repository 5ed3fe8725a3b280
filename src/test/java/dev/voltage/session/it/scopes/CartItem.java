package dev.voltage.session.it.scopes;

/** One line of a cart. */
public record CartItem(String sku, int quantity) {}
