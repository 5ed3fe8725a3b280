package dev.voltage.demo;

import dev.voltage.demo.CheckoutState.Step;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves the checkout through shipping, payment and review. */
@Path("checkout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutResource.class);

    @Inject
    CheckoutSession checkout;

    @POST
    @Path("next")
    public Step next() {
        Step step = checkout.advance();
        LOG.info("checkout moved to {}", step);
        return step;
    }

    @DELETE
    public Step restart() {
        checkout.reset();
        LOG.info("checkout restarted");
        return checkout.step();
    }
}
