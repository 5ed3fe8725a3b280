package dev.voltage.session.internal.slice;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * What this server decoded (or encoded) lately, kept beside the very {@code String} instance of
 * JSON it came from: a slice attribute that still holds that instance is read without decoding it
 * again. Identity, not equality: a session attribute that another request, a replication or a
 * redeploy replaced holds another instance, which is decoded. Each state is kept as a copy and
 * handed out as another ({@link StateCopies}), so a request that changes what it read in place
 * changes nothing another request sees; a type that cannot be copied cheaply is not kept.
 *
 * <p>Bounded: a fixed table of {@value #SLOTS} slots, each entry holding its JSON weakly, so a
 * state goes once its session no longer holds the JSON; JSON longer than {@value #LONGEST}
 * characters is not kept.
 */
final class DecodedSlices {

    /** Slots of the table, a power of two. */
    static final int SLOTS = 4096;

    /** Slots looked at for one JSON, from the one its identity hash picks. */
    private static final int PROBES = 8;

    /** The longest JSON whose state is kept. */
    static final int LONGEST = 8192;

    private final AtomicReferenceArray<Kept> slots = new AtomicReferenceArray<>(SLOTS);
    private final ReferenceQueue<String> collected = new ReferenceQueue<>();
    private final StateCopies copies = new StateCopies();

    /** A state, the type it was decoded as and how to copy it, beside its JSON. */
    private static final class Kept extends WeakReference<String> {
        private final int slot;
        private final Type type;
        private final Object state;
        private final UnaryOperator<Object> copy;

        Kept(String json, ReferenceQueue<String> queue, int slot, Type type, Object state, UnaryOperator<Object> copy) {
            super(json, queue);
            this.slot = slot;
            this.type = type;
            this.state = state;
            this.copy = copy;
        }

        boolean holds(String json, Type asked) {
            return get() == json && (type == asked || type.equals(asked));
        }
    }

    /**
     * Returns a copy of the state kept beside this very JSON instance.
     *
     * @param json the attribute's JSON
     * @param type the type it is read as
     * @return the state, or {@code null} when none is kept
     */
    Object find(String json, Type type) {
        dropCollected();
        int slot = slotOf(json);
        for (int probe = 0; probe < PROBES; probe++) {
            Kept kept = slots.get((slot + probe) & (SLOTS - 1));
            if (kept != null && kept.holds(json, type)) {
                return kept.copy.apply(kept.state);
            }
        }
        return null;
    }

    /**
     * Frees the slot of a JSON that its session no longer holds (an update replaced it), so that
     * it does not push out the state of a live one before the garbage collector clears it.
     *
     * @param json the replaced JSON instance
     */
    void drop(String json) {
        int slot = slotOf(json);
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & (SLOTS - 1);
            Kept kept = slots.get(at);
            if (kept != null && kept.get() == json) {
                slots.compareAndSet(at, kept, null);
                return;
            }
        }
    }

    /**
     * Keeps a copy of a state beside the JSON it was decoded from or encoded to.
     *
     * @param json the JSON, the instance the session attribute holds
     * @param type the state's type
     * @param state the state, which the caller may go on changing
     */
    void keep(String json, Type type, Object state) {
        if (json.length() > LONGEST) {
            return;
        }
        Optional<UnaryOperator<Object>> copy = copies.of(type);
        if (copy.isEmpty()) {
            return;
        }
        int slot = slotOf(json);
        int chosen = slot;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & (SLOTS - 1);
            Kept there = slots.get(at);
            if (there == null || there.get() == null) {
                chosen = at;
                break;
            }
        }
        slots.set(chosen, new Kept(json, collected, chosen, type, copy.get().apply(state), copy.get()));
    }

    /** Frees the slots whose JSON no session holds any more. */
    private void dropCollected() {
        for (Object gone = collected.poll(); gone != null; gone = collected.poll()) {
            Kept kept = (Kept) gone;
            slots.compareAndSet(kept.slot, kept, null);
        }
    }

    private static int slotOf(String json) {
        int hash = System.identityHashCode(json);
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
