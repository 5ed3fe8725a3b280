package dev.voltage.session.it.scopes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import java.util.List;

/** The same slice shape held by beans of each CDI scope; each must behave the same. */
public final class Notes {

    private Notes() {}

    /** Held by an {@code @ApplicationScoped} bean. */
    @ApplicationScoped
    public static class ApplicationNotes extends ListScope<String> {
        public ApplicationNotes() {
            super("notes.application");
        }
    }

    /** Held by a {@code @RequestScoped} bean. */
    @RequestScoped
    public static class RequestNotes extends ListScope<String> {
        public RequestNotes() {
            super("notes.request");
        }
    }

    /** Held by a {@code @SessionScoped} bean (passivation capable through {@code ScopedSession}). */
    @SessionScoped
    public static class SessionNotes extends ListScope<String> {
        private static final long serialVersionUID = 1L;

        public SessionNotes() {
            super("notes.session");
        }
    }

    /** Held by a {@code @Dependent} bean. */
    @Dependent
    public static class DependentNotes extends ListScope<String> {
        public DependentNotes() {
            super("notes.dependent");
        }
    }

    /** Every kind, for tests that loop over them. */
    public static final List<Class<? extends ListScope<String>>> KINDS =
            List.of(ApplicationNotes.class, RequestNotes.class, SessionNotes.class, DependentNotes.class);
}
