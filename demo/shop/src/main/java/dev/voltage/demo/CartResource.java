package dev.voltage.demo;

import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cart: {@code Session.update} adds to it atomically, even from two tabs at once. */
@Path("cart")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    private static final Logger LOG = LoggerFactory.getLogger(CartResource.class);

    @Inject
    Session session;

    @GET
    public List<CartLine> items() {
        return session.get("cart", List.of());
    }

    @POST
    @Path("{sku}")
    public List<CartLine> add(@PathParam("sku") String sku) {
        Product product = Product.find(sku).orElseThrow(() -> new NotFoundException("No product " + sku));
        List<CartLine> cart = session.update("cart", List.of(), lines -> {
            List<CartLine> next = new ArrayList<>(lines);
            int at = indexOf(next, sku);
            if (at < 0) {
                next.add(new CartLine(sku, product.name(), 1, product.price()));
            } else {
                next.set(at, next.get(at).plusOne());
            }
            return next;
        });
        LOG.info("added {} to the cart, which now has {} lines", sku, cart.size());
        return cart;
    }

    private static int indexOf(List<CartLine> lines, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }
}
