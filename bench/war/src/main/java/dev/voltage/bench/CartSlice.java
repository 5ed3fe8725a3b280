package dev.voltage.bench;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The cart as a {@code ScopedSession} slice. */
@ApplicationScoped
public class CartSlice extends ScopedSession<List<Item>> {

    public CartSlice() {
        super("cart", List.of());
    }

    public List<Item> add(String sku) {
        return update(cart -> Carts.add(cart, sku));
    }

    public void fill() {
        data(Carts.full());
    }
}
