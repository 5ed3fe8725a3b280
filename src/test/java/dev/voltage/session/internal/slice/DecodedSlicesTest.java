package dev.voltage.session.internal.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A decoded slice is reused only for the very JSON instance it came from, and never shared in a state that can change. */
class DecodedSlicesTest {

    /** A cart line: immutable. */
    public record Line(String sku, int quantity) {}

    /** A class with a setter: it can change in place. */
    public static class Note {
        private String text;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    private final SliceCodec codec = new SliceCodec();

    DecodedSlicesTest() {
        codec.open();
    }

    @AfterEach
    void close() {
        codec.close();
    }

    @Test
    void aRecordReadAgainFromTheSameJsonInstanceIsTheStateDecodedBefore() {
        String json = "{\"sku\":\"a\",\"quantity\":2}";

        Line first = codec.decode(Line.class, json);
        Line again = codec.decode(Line.class, json);

        assertThat(again).isSameAs(first);
    }

    @Test
    void equalJsonInAnotherStringInstanceIsDecodedAgain() {
        String json = "{\"sku\":\"a\",\"quantity\":2}";
        Line first = codec.decode(Line.class, json);

        Line other = codec.decode(Line.class, new String(json));

        assertThat(other).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void aListChangedInPlaceByOneReaderIsNotWhatTheNextReaderGets() {
        String json = "[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":1}]";
        Type lines = listOf(Line.class);

        List<Line> first = codec.decode(lines, json);
        first.add(new Line("changed in place", 9));
        first.set(0, new Line("replaced in place", 9));
        List<Line> next = codec.decode(lines, json);

        assertThat(next).containsExactly(new Line("a", 1), new Line("b", 1));
    }

    @Test
    void aStateAnUpdateRememberedAndThenChangedInPlaceIsReadAsItWasEncoded() {
        Type lines = listOf(Line.class);
        List<Line> state = new ArrayList<>(List.of(new Line("a", 1)));
        String json = codec.encode("cart", lines, state);
        codec.remember(json, lines, state, null);

        state.add(new Line("after the write", 1));

        assertThat(codec.<List<Line>>decode(lines, json)).containsExactly(new Line("a", 1));
    }

    @Test
    void theJsonAnUpdateReplacedIsNoLongerKept() {
        String before = "{\"sku\":\"a\",\"quantity\":1}";
        Line first = codec.decode(Line.class, before);
        Line next = new Line("a", 2);

        codec.remember(codec.encode("cart", Line.class, next), Line.class, next, before);

        assertThat(codec.<Line>decode(Line.class, before)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void aTableAQuarterFullKeepsTheStatesOfItsLiveJson() {
        List<String> jsons = new ArrayList<>();
        List<Line> decoded = new ArrayList<>();
        for (int i = 0; i < DecodedSlices.SLOTS / 4; i++) {
            String json = "{\"sku\":\"s" + i + "\",\"quantity\":1}";
            jsons.add(json);
            decoded.add(codec.decode(Line.class, json));
        }

        int kept = 0;
        for (int i = 0; i < jsons.size(); i++) {
            if (codec.decode(Line.class, jsons.get(i)) == decoded.get(i)) {
                kept++;
            }
        }

        // identity hashes are random: a table a quarter full may lose a rare state, never more than that
        assertThat(kept).as("states still kept, of %d", jsons.size()).isGreaterThanOrEqualTo(jsons.size() * 99 / 100);
    }

    @Test
    void aStateWithSettersIsDecodedForEachRead() {
        String json = "{\"text\":\"hello\"}";

        Note first = codec.decode(Note.class, json);
        first.setText("changed in place");
        Note next = codec.decode(Note.class, json);

        assertThat(next.getText()).isEqualTo("hello");
        assertThat(next).isNotSameAs(first);
    }

    @Test
    void theSameJsonReadAsAnotherTypeIsDecodedAsThatType() {
        String json = "{\"sku\":\"a\",\"quantity\":2}";
        codec.decode(Line.class, json);

        Map<String, Object> asMap = codec.decode(mapOf(String.class, Object.class), json);

        assertThat(asMap).containsKeys("sku", "quantity");
    }

    private static Type listOf(Type element) {
        return parameterized(List.class, element);
    }

    private static Type mapOf(Type key, Type value) {
        return parameterized(Map.class, key, value);
    }

    private static Type parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
