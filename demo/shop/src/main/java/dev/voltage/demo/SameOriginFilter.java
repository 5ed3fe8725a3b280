package dev.voltage.demo;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;

/**
 * Refuses a request that changes state (POST, PUT, PATCH, DELETE) when the browser says it comes
 * from another site: its {@code Origin} is not this shop's. Browsers send {@code Origin} with every
 * cross-site request that changes state, so a page elsewhere cannot log a visitor in or out, or fill
 * their cart. Requests without {@code Origin} (curl, tests) pass.
 */
@Provider
public class SameOriginFilter implements ContainerRequestFilter {

    private static final Set<String> UNSAFE =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !UNSAFE.contains(request.getMethod())) {
            return;
        }
        URI shop = request.getUriInfo().getBaseUri();
        String own = shop.getScheme() + "://" + shop.getAuthority();
        if (!origin.equalsIgnoreCase(own)) {
            throw new ForbiddenException("This shop accepts changes only from its own pages.");
        }
    }
}
