package dev.voltage.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the shop sells. */
public record Product(String sku, String name, BigDecimal price) {

    /** The whole catalogue. */
    public static final List<Product> CATALOGUE = List.of(
            new Product("lamp", "Desk lamp", new BigDecimal("39.00")),
            new Product("mug", "Coffee mug", new BigDecimal("9.50")),
            new Product("chair", "Office chair", new BigDecimal("189.00")));

    /** Finds a product by its SKU. */
    public static Optional<Product> find(String sku) {
        return CATALOGUE.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }
}
