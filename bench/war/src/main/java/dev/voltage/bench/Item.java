package dev.voltage.bench;

import java.io.Serializable;

/** One cart line; the same type for every way of storing the cart. */
public record Item(String sku, int quantity) implements Serializable {}
