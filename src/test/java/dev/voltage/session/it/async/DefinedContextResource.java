package dev.voltage.session.it.async;

import dev.voltage.session.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The application's own {@code ContextService}, defined with the specification's defaults
 * (everything but transactions propagated, the library's {@code VoltageSession} context
 * included): what a user does where the server's default {@code ContextService} leaves
 * third-party context out (Payara).
 */
@ContextServiceDefinition(name = "java:app/concurrent/SessionContext")
@Path("defined")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class DefinedContextResource {

    private static final Logger LOG = LoggerFactory.getLogger(DefinedContextResource.class);

    @Inject
    Session session;

    @Resource(lookup = "java:app/concurrent/SessionContext")
    ContextService contextService;

    @POST
    @Path("login")
    public String login() {
        session.set("user", "ada");
        return session.logId().orElseThrow();
    }

    @POST
    @Path("supplier/{token}")
    public CompletionStage<String> supplier(@PathParam("token") String token) {
        Supplier<String> task = contextService.contextualSupplier(() -> count(token));
        CompletableFuture<String> result = new CompletableFuture<>();
        new Thread(
                        () -> {
                            try {
                                result.complete(task.get());
                            } catch (RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "defined-" + token)
                .start();
        return result;
    }

    private String count(String token) {
        LOG.info("defined {}", token);
        int count = session.update("count", 0, c -> c + 1);
        return count + ";" + MDC.get("sessionId") + ";" + session.logId().orElse("none");
    }
}
