package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.Dependent;

/** A POJO slice, held by a {@code @Dependent} bean. */
@Dependent
public class ProfileSession extends ScopedSession<Profile> {

    public ProfileSession() {
        super("profile", () -> new Profile("guest", "en"));
    }

    public void rename(String displayName) {
        update(p -> new Profile(displayName, p.getLocale()));
    }
}
