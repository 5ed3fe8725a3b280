package dev.voltage.session.it.races;

import dev.voltage.session.ScopedSession;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A slice of lines, changed by {@code update}, {@code data(next)} and {@code reset} as a user's scope would be. */
@RequestScoped
public class ProfileSlice extends ScopedSession<List<String>> {

    public ProfileSlice() {
        super("race-profile", List::of);
    }

    /** Read-modify-write of the slice. */
    public List<String> change(UnaryOperator<List<String>> change) {
        return update(change);
    }

    /** Replaces the slice. */
    public void replace(List<String> lines) {
        data(lines);
    }

    /** A copy of {@code lines} with one more. */
    public static List<String> append(List<String> lines, String line) {
        List<String> next = new ArrayList<>(lines);
        next.add(line);
        return next;
    }
}
