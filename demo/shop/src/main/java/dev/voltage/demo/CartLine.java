package dev.voltage.demo;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of the cart, kept in the session with {@code Session.update}: serializable, as session values must be. */
public record CartLine(String sku, String name, int quantity, BigDecimal price) implements Serializable {

    /** The same line with one more item. */
    public CartLine plusOne() {
        return new CartLine(sku, name, quantity + 1, price);
    }
}
