package dev.voltage.session.it.scopes;

import dev.voltage.session.ScopedSession;
import java.util.ArrayList;
import java.util.List;

/** A generic base of the user's own between {@code ScopedSession} and the deployed class. */
public abstract class ListScope<E> extends ScopedSession<List<E>> {

    protected ListScope(String name) {
        super(name, List::of);
    }

    public List<E> append(E element) {
        return update(list -> {
            List<E> next = new ArrayList<>(list);
            next.add(element);
            return next;
        });
    }
}
