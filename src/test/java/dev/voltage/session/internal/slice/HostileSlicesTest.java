package dev.voltage.session.internal.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.it.hostile.Basket;
import dev.voltage.session.it.hostile.BasketSession;
import dev.voltage.session.it.hostile.HostileSlices;
import dev.voltage.session.it.hostile.Stage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What reading a slice attribute that holds anything at all gives, and what it logs. */
class HostileSlicesTest {

    HostileSliceReader reader = new HostileSliceReader();

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void everyHostileContentReadsAsTheDefaultsWithoutQuotingIt() {
        for (String name : HostileSlices.CASES.keySet()) {
            HostileSliceReader fresh = new HostileSliceReader();
            try {
                assertThat(fresh.read(HostileSlices.content(name))).as(name).isEqualTo(Basket.DEFAULTS);
                assertThat(fresh.messages())
                        .as(name)
                        .singleElement()
                        .asString()
                        .contains("scope 'basket'")
                        .contains(Basket.class.getName())
                        .doesNotContain(HostileSlices.MARKER);
            } finally {
                fresh.close();
            }
        }
    }

    @Test
    void theWarningNamesTheKindOfProblem() {
        reader.read("{\"stage\":\"" + HostileSlices.MARKER + "\"}");

        assertThat(reader.messages())
                .containsExactly("The state of session scope 'basket' cannot be read as "
                        + Basket.class.getName()
                        + " and falls back to the defaults until it is written again: its JSON does "
                        + "not fit the type (JsonbException).");
    }

    @Test
    void documentsPastTheBoundsAreNotDecoded() {
        reader.read("{\"note\":\"" + "x".repeat(SliceBounds.MAX_CHARS) + "\"}");
        reader.codec.close();
        HostileSliceReader other = new HostileSliceReader();
        try {
            other.read("{\"extra\":" + "[".repeat(65) + "]".repeat(65) + "}");
            assertThat(reader.messages()).first().asString().contains("more than the 1048576 a slice may hold");
            assertThat(other.messages()).first().asString().contains("nested deeper than 64 levels");
        } finally {
            other.close();
        }
    }

    @Test
    void aDocumentAtTheBoundsIsDecoded() {
        String note = "x".repeat(SliceBounds.MAX_CHARS - "{\"note\":\"\"}".length());
        List<Object> nested = nested(63);

        assertThat(reader.read("{\"note\":\"" + note + "\"}").note()).hasSize(note.length());
        assertThat(reader.read("{\"extra\":" + "[".repeat(63) + "]".repeat(63) + "}")
                        .extra())
                .isEqualTo(nested);
        assertThat(reader.messages()).isEmpty();
    }

    @Test
    void bracketsAndEscapedQuotesInsideStringsDoNotCountAsNesting() {
        String note = "\\\"" + "[".repeat(10_000) + "{";

        assertThat(reader.read("{\"note\":\"" + note + "\"}").note()).isEqualTo("\"" + "[".repeat(10_000) + "{");
        assertThat(reader.messages()).isEmpty();
    }

    @Test
    void unknownPropertiesSuchAsTypeAreIgnored() {
        Basket read = reader.read("{\"@type\":\"java.lang.ProcessBuilder\",\"@class\":\"javax.naming.InitialContext\","
                + "\"stage\":\"PAID\",\"note\":\"kept\"}");

        assertThat(read).isEqualTo(new Basket(Stage.PAID, "kept", null));
        assertThat(reader.messages()).isEmpty();
    }

    @Test
    void aScopeWarnsOnceAMinute() {
        AtomicLong now = new AtomicLong();
        SliceWarnings warnings = new SliceWarnings(now::get);

        assertThat(warnings.allow("basket")).isTrue();
        assertThat(warnings.allow("basket")).isFalse();
        assertThat(warnings.allow("ledger")).as("another scope").isTrue();
        now.addAndGet(59_000_000_000L);
        assertThat(warnings.allow("basket")).isFalse();
        now.addAndGet(1_000_000_000L);
        assertThat(warnings.allow("basket")).isTrue();
    }

    @Test
    void repeatedReadsOfABrokenSliceWarnOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(reader.read("null")).isEqualTo(Basket.DEFAULTS);
        }

        assertThat(reader.messages())
                .singleElement()
                .asString()
                .endsWith("until it is written again: it is JSON null.");
    }

    @Test
    void aStateLargerThanASliceIsRefusedAtWriteNamingTheScopeAndTheSize() {
        Basket large = new Basket(Stage.START, "x".repeat(SliceBounds.MAX_CHARS), null);

        assertThatThrownBy(() -> reader.write(large))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The state of scope 'basket' (" + Basket.class.getName()
                        + ") cannot be stored: " + "as JSON it is " + (SliceBounds.MAX_CHARS + 27)
                        + " characters long, more than the 1048576");
    }

    @Test
    void aStateNestedDeeperThanASliceIsRefusedAtWrite() {
        Basket deep = new Basket(Stage.START, "deep", nested(64));

        assertThatThrownBy(() -> reader.write(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope 'basket'")
                .hasMessageContaining("nested deeper than 64 levels");
    }

    static List<Object> nested(int levels) {
        List<Object> list = List.of();
        for (int i = 1; i < levels; i++) {
            list = List.of(list);
        }
        return list;
    }

    static Class<?> scope() {
        return BasketSession.class;
    }
}
