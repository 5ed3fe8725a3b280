package dev.voltage.session.it.async;

import dev.voltage.session.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands session work to other threads as an application's asynchronous resource does: a managed
 * executor, a {@code ContextService}, a suspended response, a task that outlives its request.
 * Each task reports what {@link SessionCounter#count} returns on its thread.
 */
@Path("async")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AsyncResource {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncResource.class);

    @Inject
    Session session;

    @Inject
    LateTasks late;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contextService;

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
    @Path("stage/{token}")
    public CompletionStage<String> stage(@PathParam("token") String token) {
        return executor.supplyAsync(() -> SessionCounter.count(session, "stage", token));
    }

    @POST
    @Path("suspended/{token}")
    public void suspended(@PathParam("token") String token, @Suspended AsyncResponse response) {
        executor.execute(() -> {
            try {
                response.resume(SessionCounter.count(session, "suspended", token));
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }

    @POST
    @Path("captured/{token}")
    public CompletionStage<String> captured(@PathParam("token") String token) {
        CompletableFuture<String> trigger = new CompletableFuture<>();
        CompletionStage<String> result = contextService
                .withContextCapture(trigger)
                .thenApplyAsync(t -> SessionCounter.count(session, "captured", t));
        trigger.complete(token);
        return result;
    }

    @POST
    @Path("supplier/{token}")
    public CompletionStage<String> supplier(@PathParam("token") String token) {
        Supplier<String> task =
                contextService.contextualSupplier(() -> SessionCounter.count(session, "supplier", token));
        CompletableFuture<String> result = new CompletableFuture<>();
        // a thread the server does not manage: only the ContextService gives it the request's context
        new Thread(
                        () -> {
                            try {
                                result.complete(task.get());
                            } catch (RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "own-thread-" + token)
                .start();
        return result;
    }

    @POST
    @Path("outlive/{token}")
    public String outlive(@PathParam("token") String token) {
        session.set("before", token);
        late.expect(token);
        executor.execute(() -> late.runAfterRelease(token, () -> {
            LOG.info("outlive {}", token);
            session.set("late", token);
        }));
        return "submitted";
    }

    @GET
    @Path("outcome/{token}")
    public String outcome(@PathParam("token") String token) {
        late.release(token);
        return late.outcome(token);
    }
}
