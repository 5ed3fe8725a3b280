package dev.voltage.bench;

import java.util.ArrayList;
import java.util.List;

/** The cart logic every way shares: add an item, keeping the last ten so carts stay the same size under load. */
final class Carts {

    static final int SIZE = 10;

    private Carts() {}

    static List<Item> add(List<Item> cart, String sku) {
        List<Item> next = new ArrayList<>(cart.size() < SIZE ? cart : cart.subList(1, cart.size()));
        next.add(new Item(sku, 1));
        return next;
    }

    static List<Item> full() {
        List<Item> cart = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            cart.add(new Item("sku-" + i, 1));
        }
        return cart;
    }
}
