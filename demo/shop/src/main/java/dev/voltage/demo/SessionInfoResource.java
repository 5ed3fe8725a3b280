package dev.voltage.demo;

import dev.voltage.demo.CheckoutState.Step;
import dev.voltage.session.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Everything the page shows, in one read: reading never creates a session. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionInfoResource {

    @Inject
    Session session;

    @Inject
    CheckoutSession checkout;

    /** What the page shows of the session. */
    public record Info(String user, String logId, List<CartLine> cart, Step step, List<Product> catalogue) {}

    @GET
    public Info get() {
        return new Info(
                session.user().orElse(null),
                session.logId().orElse(null),
                session.get("cart", List.of()),
                checkout.step(),
                Product.CATALOGUE);
    }
}
