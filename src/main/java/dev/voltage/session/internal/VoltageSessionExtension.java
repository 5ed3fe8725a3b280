package dev.voltage.session.internal;

import dev.voltage.session.ScopedSession;
import dev.voltage.session.internal.slice.StateTypes;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The library's portable extension: checks at deployment that every {@link ScopedSession}
 * subclass declares a concrete state type and has a valid name that no other one uses, and
 * reports every offending class, not only the first.
 */
public class VoltageSessionExtension implements Extension {

    private final List<AnnotatedType<?>> scopes = new ArrayList<>();

    @SuppressWarnings("rawtypes")
    void collectScopes(@Observes ProcessManagedBean<? extends ScopedSession> event) {
        scopes.add(event.getAnnotatedBeanClass());
    }

    void validateScopes(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Map<String, Class<?>> owners = new LinkedHashMap<>();
        for (AnnotatedType<?> scope : scopes) {
            Class<?> type = scope.getJavaClass();
            try {
                StateTypes.of(type);
            } catch (IllegalArgumentException e) {
                event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
            }
            String name;
            try {
                name = construct(scope, beanManager).name();
            } catch (IllegalArgumentException e) {
                event.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
                continue;
            } catch (RuntimeException | LinkageError e) {
                event.addDeploymentProblem(new DeploymentException(
                        "The constructor of " + type.getName()
                                + " threw " + e + ", so its scope name cannot be checked; a ScopedSession subclass's "
                                + "constructor should only pass its name and defaults to super(...).",
                        e));
                continue;
            }
            Class<?> other = owners.putIfAbsent(name, type);
            if (other != null) {
                String[] both =
                        Stream.of(other.getName(), type.getName()).sorted().toArray(String[]::new);
                event.addDeploymentProblem(new DeploymentException("The scope name '" + name + "' is used by both "
                        + both[0] + " and " + both[1] + "; give each ScopedSession subclass its own name."));
            }
        }
        scopes.clear();
    }

    /** Runs only the subclass's constructor, which is where the name and defaults are given. */
    private static <T> ScopedSession<?> construct(AnnotatedType<T> scope, BeanManager beanManager) {
        InjectionTarget<T> target = beanManager.getInjectionTargetFactory(scope).createInjectionTarget(null);
        CreationalContext<T> context = beanManager.createCreationalContext(null);
        try {
            return (ScopedSession<?>) target.produce(context);
        } finally {
            context.release();
        }
    }
}
