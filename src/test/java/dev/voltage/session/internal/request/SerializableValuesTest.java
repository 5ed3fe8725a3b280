package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.Test;

/** What the serializability check accepts and refuses, and what a refusal says. */
class SerializableValuesTest {

    /** A class of the application that forgot {@code Serializable}. */
    static final class Plain {}

    record Line(String sku, Object extra) implements Serializable {}

    /** A record whose accessor hides what its field holds: serialisation writes the field. */
    record Masked(Object value) implements Serializable {
        @Override
        public Object value() {
            return "masked";
        }
    }

    @Test
    void treeSetWithALambdaComparatorIsRefusedNamingTheLambda() {
        TreeSet<String> set = new TreeSet<>((a, b) -> b.compareTo(a));
        set.add("a");

        assertThatThrownBy(() -> SerializableValues.requireSerializable("tags", set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key 'tags'")
                .hasMessageContaining(
                        "is a java.util.TreeSet, which holds a " + SerializableValuesTest.class.getName() + "$$Lambda")
                .hasMessageContaining("which is not Serializable");
    }

    @Test
    void treeMapAndPriorityQueueWithALambdaComparatorAreRefused() {
        TreeMap<String, Integer> map = new TreeMap<>(Comparator.comparing(String::length));
        PriorityQueue<String> queue = new PriorityQueue<>((a, b) -> a.length() - b.length());
        queue.add("x");

        assertThatThrownBy(() -> SerializableValues.requireSerializable("map", map))
                .hasMessageContaining("is a java.util.TreeMap, which holds a ");
        assertThatThrownBy(() -> SerializableValues.requireSerializable("queue", List.of(queue)))
                .hasMessageContaining("session key 'queue'")
                .hasMessageContaining("which holds a ");
    }

    @Test
    void sortedCollectionsWithSerializableComparatorsAreAccepted() {
        TreeSet<String> natural = new TreeSet<>(List.of("b", "a"));
        TreeSet<String> caseless = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        caseless.add("A");
        TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
        TreeSet<String> serializableLambda =
                new TreeSet<>((Comparator<String> & Serializable) (a, b) -> b.compareTo(a));

        for (Object value : List.of(natural, caseless, reversed, serializableLambda)) {
            assertThatCode(() -> SerializableValues.requireSerializable("ok", value))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void longAccumulatorIsRefused() {
        LongAccumulator max = new LongAccumulator(Long::max, 0);

        assertThatThrownBy(() -> SerializableValues.requireSerializable("max", max))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key 'max'")
                .hasMessageContaining("is a java.util.concurrent.atomic.LongAccumulator, which holds a ");
    }

    @Test
    void theParsedValueOfAFormatterIsRefused() {
        TemporalAccessor parsed = DateTimeFormatter.ISO_LOCAL_DATE.parse("2026-12-01");

        assertThatThrownBy(() -> SerializableValues.requireSerializable("date", Map.of("d", parsed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key 'date'")
                .hasMessageContaining("holds a java.time.format.Parsed, which is not Serializable");
    }

    @Test
    void aWrapperAroundANonSerializableCollectionIsRefused() {
        List<String> view = Collections.unmodifiableList(new ArrayList<>(List.of("a")).subList(0, 1));

        assertThatThrownBy(() -> SerializableValues.requireSerializable("view", view))
                .hasMessageContaining("which holds a java.util.ArrayList$SubList");
    }

    @Test
    void aRecordIsJudgedByItsFieldsNotItsAccessors() {
        assertThatThrownBy(() -> SerializableValues.requireSerializable("masked", new Masked(new Plain())))
                .hasMessageContaining("holds a " + Plain.class.getName());
    }

    @Test
    void aNonSerializableLeafIsNamedWithTheValuesClass() {
        List<Line> cart = new ArrayList<>(List.of(new Line("a", 1), new Line("b", new Plain())));

        assertThatThrownBy(() -> SerializableValues.requireSerializable("cart", cart))
                .hasMessage("The value for session key 'cart' is a java.util.ArrayList, which holds a "
                        + Plain.class.getName() + ", which is not Serializable; session values must survive a restart "
                        + "and a fail-over. Make " + Plain.class.getName()
                        + " implement java.io.Serializable, or set voltage.session.require-serializable=false.");
    }

    @Test
    void cyclesAreAcceptedWhenEverythingInThemIsSerializable() {
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new HashMap<>();
        list.add(map);
        map.put("back", list);

        assertThatCode(() -> SerializableValues.requireSerializable("cycle", list))
                .doesNotThrowAnyException();

        map.put("bad", new Plain());
        assertThatThrownBy(() -> SerializableValues.requireSerializable("cycle", list))
                .hasMessageContaining("holds a " + Plain.class.getName());
    }

    @Test
    void aChainOfListsSharingTheirChildrenIsCheckedOnceEach() {
        Object chain = sharedChain(30, "leaf");
        Object badChain = sharedChain(30, new Plain());

        long start = System.nanoTime();
        assertThatCode(() -> SerializableValues.requireSerializable("chain", chain))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SerializableValues.requireSerializable("chain", badChain))
                .hasMessageContaining("holds a " + Plain.class.getName());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("2^30 paths through 31 lists, walked once each").isLessThan(2_000);
    }

    @Test
    void aVeryDeepChainGivesWayToSerialisationAndStillGetsAVerdict() {
        List<Object> deep = new ArrayList<>();
        List<Object> current = deep;
        for (int i = 0; i < 1_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        current.add(new Plain());

        assertThatThrownBy(() -> SerializableValues.requireSerializable("deep", deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key 'deep'");
    }

    static Object sharedChain(int levels, Object leaf) {
        List<Object> list = new ArrayList<>(List.of(leaf));
        for (int i = 0; i < levels; i++) {
            List<Object> next = new ArrayList<>();
            next.add(list);
            next.add(list);
            list = next;
        }
        return list;
    }
}
