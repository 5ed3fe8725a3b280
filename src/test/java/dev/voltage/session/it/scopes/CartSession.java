package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/** A cart kept as a slice of nested generic type, {@code List<CartItem>}. */
@RequestScoped
public class CartSession extends ScopedSession<List<CartItem>> {

    public CartSession() {
        super("cart", List::of);
    }

    public List<CartItem> add(String sku, int quantity) {
        return update(items -> {
            List<CartItem> next = new ArrayList<>(items);
            next.add(new CartItem(sku, quantity));
            return next;
        });
    }

    public List<CartItem> items() {
        return data();
    }
}
