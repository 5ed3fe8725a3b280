package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated value graphs (collections, maps, records, arrays, shared references, cycles,
 * non-serializable leaves, comparators): the check's verdict is {@code ObjectOutputStream}'s.
 */
class SerializableValuesProperties {

    /** Node kinds the generator knows; see {@link Plan#build()}. */
    private static final int KINDS = 24;

    /** One node of a planned graph: its kind and the (earlier) nodes it holds. */
    record Node(int kind, List<Integer> children) {}

    /** A graph as a list of nodes (each may hold earlier ones: shared references) plus edges back (cycles). */
    record Plan(List<Node> nodes, List<List<Integer>> backEdges) {

        Object build() {
            Object[] built = new Object[nodes.size()];
            for (int i = 0; i < built.length; i++) {
                Node node = nodes.get(i);
                List<Object> children = new ArrayList<>();
                for (int child : node.children()) {
                    children.add(i == 0 ? "leaf" : built[child % i]);
                }
                built[i] = make(node.kind(), i, children);
            }
            for (List<Integer> edge : backEdges) {
                close(built[edge.get(0) % built.length], built[edge.get(1) % built.length]);
            }
            return built[built.length - 1];
        }

        @SuppressWarnings("unchecked")
        private static void close(Object from, Object to) {
            if (from instanceof ArrayList<?> list) {
                ((List<Object>) list).add(to);
            } else if (from instanceof HashMap<?, ?> map) {
                ((Map<String, Object>) map).put("back", to);
            } else if (from instanceof Object[] array && array.length > 0) {
                array[0] = to;
            } else if (from instanceof Holder holder) {
                holder.value = to;
            }
        }

        private static Object make(int kind, int index, List<Object> children) {
            Object first = children.isEmpty() ? null : children.get(0);
            return switch (kind) {
                case 0 -> "s" + index;
                case 1 -> index;
                case 2 -> new NotSerializable();
                case 3 -> new ArrayList<>(children);
                case 4 -> {
                    Map<String, Object> map = new HashMap<>();
                    for (int i = 0; i < children.size(); i++) {
                        map.put("k" + i, children.get(i));
                    }
                    yield map;
                }
                case 5 -> children.toArray();
                case 6 -> new Pair(first, children.size() > 1 ? children.get(1) : null);
                case 7 -> new TreeSet<>(List.of("b", "a"));
                case 8 -> sorted(new TreeSet<>((a, b) -> b.compareTo(a)));
                case 9 -> sorted(new TreeSet<>((Comparator<String> & Serializable) (a, b) -> b.compareTo(a)));
                case 10 -> {
                    PriorityQueue<String> queue = new PriorityQueue<>((a, b) -> a.length() - b.length());
                    queue.add("x");
                    yield queue;
                }
                case 11 -> {
                    TreeMap<String, Object> map = new TreeMap<>();
                    children.forEach(child -> map.put("k" + map.size(), child));
                    yield map;
                }
                case 12 -> {
                    TreeMap<String, Object> map = new TreeMap<>(Comparator.comparing(String::length));
                    children.forEach(child -> map.put("k" + "x".repeat(map.size()), child));
                    yield map;
                }
                case 13 -> new LongAccumulator(Long::max, index);
                case 14 -> DateTimeFormatter.ISO_LOCAL_DATE.parse("2026-12-01");
                case 15 -> Collections.unmodifiableList(new ArrayList<>(children));
                case 16 -> new Holder(first);
                case 17 -> Optional.ofNullable(first);
                case 18 -> LocalDate.of(2026, 12, 1);
                case 19 -> new LinkedList<>(children);
                case 20 -> List.copyOf(children);
                case 21 -> new AtomicReference<>(first);
                case 22 -> new ArrayDeque<>(children);
                default -> new Masked(first);
            };
        }

        private static TreeSet<String> sorted(TreeSet<String> set) {
            set.add("a");
            set.add("b");
            return set;
        }
    }

    /** Not serializable. */
    static final class NotSerializable {}

    record Pair(Object first, Object second) implements Serializable {}

    /** A record whose accessor is not what serialisation writes. */
    record Masked(Object value) implements Serializable {
        @Override
        public Object value() {
            return null;
        }
    }

    /** A class only serialisation can judge. */
    static final class Holder implements Serializable {
        private static final long serialVersionUID = 1L;
        Object value;

        Holder(Object value) {
            this.value = value;
        }
    }

    @Provide
    Arbitrary<Plan> graphs() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Node> node = Combinators.combine(
                        Arbitraries.integers().between(0, KINDS - 1),
                        index.list().ofMaxSize(4))
                .as(Node::new);
        return Combinators.combine(
                        node.list().ofMinSize(1).ofMaxSize(30),
                        index.list().ofSize(2).list().ofMaxSize(3))
                .as(Plan::new);
    }

    @Property(tries = 1_000)
    void theVerdictIsThatOfObjectOutputStream(@ForAll("graphs") Plan plan) {
        Object value = plan.build();
        boolean serialises = serialises(value);

        IllegalArgumentException refusal = null;
        try {
            SerializableValues.requireSerializable("generated", value);
        } catch (IllegalArgumentException e) {
            refusal = e;
        }

        assertThat(refusal == null)
                .as("accepted (ObjectOutputStream: %s)", serialises)
                .isEqualTo(serialises);
        if (refusal != null) {
            assertThat(refusal.getMessage())
                    .contains("session key 'generated'")
                    .contains(value.getClass().getName());
        }
    }

    private static boolean serialises(Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
