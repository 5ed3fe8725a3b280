package dev.voltage.session.internal.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.hostile.Basket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated slice contents (random and broken JSON, deep nesting, huge documents, nulls, wrong
 * types, objects that are not strings): reading gives the defaults or a decoded state, nothing
 * escapes, and no log line quotes what was stored.
 */
class HostileSlicesProperties {

    /** Stored in every generated content; no log line may hold it. */
    private static final String MARKER = "SECRET-4111-1111";

    private static HostileSliceReader reader;
    private static final AtomicInteger SCOPES = new AtomicInteger();

    @BeforeContainer
    static void open() {
        reader = new HostileSliceReader();
    }

    @AfterContainer
    static void close() {
        reader.close();
    }

    @Property(tries = 400)
    void readingGivesTheDefaultsOrAStateAndNeverQuotesTheContent(@ForAll("contents") Object content) {
        int before = reader.lines.list.size();
        // a scope of its own for each try, so that each try's warning is written (one a minute per scope)
        String scope = "basket-" + SCOPES.incrementAndGet();

        Basket read = reader.read(scope, content);

        assertThat(read).isNotNull();
        List<String> logged =
                reader.messages().subList(before, reader.messages().size());
        assertThat(logged).hasSizeLessThanOrEqualTo(1).noneMatch(line -> line.contains(MARKER));
        if (!logged.isEmpty()) {
            assertThat(read).isEqualTo(Basket.DEFAULTS);
            assertThat(logged.get(0)).contains("scope '" + scope + "'").contains(Basket.class.getName());
        }
    }

    @Provide
    Arbitrary<Object> contents() {
        Arbitrary<String> json = json(4);
        return Arbitraries.oneOf(
                json,
                json.map(HostileSlicesProperties::truncate),
                Arbitraries.strings().ofMaxLength(200).map(text -> MARKER + text),
                Arbitraries.strings().withChars("[]{}\",:\\ ").ofMaxLength(300).map(text -> text + MARKER),
                deep(),
                Arbitraries.integers()
                        .between(SliceBounds.MAX_CHARS - 20, SliceBounds.MAX_CHARS + 20)
                        .map(size -> "{\"note\":\"" + MARKER + "x".repeat(Math.max(0, size - 28)) + "\"}"),
                Arbitraries.of("null", "", " ", "[]", "{}", "0", "true", "\"" + MARKER + "\""),
                Arbitraries.of(42, List.of(MARKER), Map.of("note", MARKER), new StringBuilder(MARKER), new Object()));
    }

    /** Nested arrays and objects, some bound for the untyped field, from shallow to far past the bound. */
    private Arbitrary<String> deep() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 20_000),
                        Arbitraries.of("[", "{\"a\":"),
                        Arbitraries.of(true, false))
                .as((depth, open, inField) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "\"" + MARKER + "\"" + close.repeat(depth);
                    return inField ? "{\"extra\":" + nested + "}" : nested;
                });
    }

    /** JSON documents shaped like a basket, and not: fields of every type, unknown properties, enum constants that do not exist. */
    private Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "1", "-2.5e3", "\"PAID\"", "\"START\"", "\"" + MARKER + "\""),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars("\\\"\n[]{}")
                        .ofMaxLength(20)
                        .map(text -> "\"" + MARKER
                                + text.replace("\\", "\\\\")
                                        .replace("\"", "\\\"")
                                        .replace("\n", "\\n") + "\""));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> value = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> key = Arbitraries.of("stage", "note", "extra", "@type", "@class", MARKER);
        Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v);
        return Arbitraries.oneOf(
                scalar,
                member.list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}"),
                value.list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]"));
    }

    private static String truncate(String json) {
        return json.length() < 2 ? json : json.substring(0, json.length() / 2);
    }
}
