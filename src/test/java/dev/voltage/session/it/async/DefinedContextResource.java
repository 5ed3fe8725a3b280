package dev.voltage.session.it.async;

import dev.voltage.session.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The application's own {@code ContextService}, defined with the specification's defaults
 * (everything but transactions propagated, the library's {@code VoltageSession} context
 * included), and a managed executor that runs its tasks with it: what a user does where the
 * server's default {@code ContextService} or executor leaves third-party context out (Payara's
 * default {@code ContextService}; Open Liberty's default executor and {@code ContextService}).
 */
@ContextServiceDefinition(name = "java:app/concurrent/SessionContext")
@ManagedExecutorDefinition(name = "java:app/concurrent/SessionExecutor", context = "java:app/concurrent/SessionContext")
@Path("defined")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class DefinedContextResource {

    @Inject
    Session session;

    @Inject
    LateTasks late;

    @Resource(lookup = "java:app/concurrent/SessionContext")
    ContextService contextService;

    @Resource(lookup = "java:app/concurrent/SessionExecutor")
    ManagedExecutorService executor;

    @POST
    @Path("login")
    public String login() {
        session.set("user", "ada");
        return session.logId().orElseThrow();
    }

    @GET
    @Path("value/{key}")
    public String value(@PathParam("key") String key) {
        return String.valueOf((Object) session.get(key));
    }

    @POST
    @Path("supplier/{token}")
    public CompletionStage<String> supplier(@PathParam("token") String token) {
        Supplier<String> task =
                contextService.contextualSupplier(() -> SessionCounter.count(session, "defined", token));
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

    @POST
    @Path("stage/{token}")
    public CompletionStage<String> stage(@PathParam("token") String token) {
        return executor.supplyAsync(() -> SessionCounter.count(session, "executor", token));
    }

    @POST
    @Path("outlive/{token}")
    public String outlive(@PathParam("token") String token) {
        session.set("before", token);
        late.expect(token);
        executor.execute(() -> late.runAfterRelease(token, () -> session.set("late", token)));
        return "submitted";
    }

    @GET
    @Path("outcome/{token}")
    public String outcome(@PathParam("token") String token) {
        late.release(token);
        return late.outcome(token);
    }
}
