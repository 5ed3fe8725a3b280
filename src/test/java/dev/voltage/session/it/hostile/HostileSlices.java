package dev.voltage.session.it.hostile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a slice attribute can hold when a mistake or an attacker wrote it, each carrying a marker
 * that must never reach a log line.
 */
public final class HostileSlices {

    /** Text hidden in every hostile content: a log line holding it quotes stored content. */
    public static final String MARKER = "4111-1111-1111-1111";

    /** Each case's content, by name. */
    public static final Map<String, Function<String, Object>> CASES = Map.ofEntries(
            Map.entry("json-null", marker -> "null"),
            Map.entry(
                    "ten-thousand-nested-arrays",
                    marker -> "[".repeat(10_000) + "\"" + marker + "\"" + "]".repeat(10_000)),
            Map.entry(
                    "nested-arrays-in-an-object-field",
                    marker -> "{\"extra\":" + "[".repeat(800) + "\"" + marker + "\"" + "]".repeat(800) + "}"),
            Map.entry("ten-megabytes", marker -> "{\"note\":\"" + marker + "x".repeat(10_000_000) + "\"}"),
            Map.entry("not-a-string", marker -> new HashMap<>(Map.of("note", marker))),
            Map.entry("a-list", marker -> List.of(marker)),
            Map.entry("invalid-json", marker -> "{\"note\":\"" + marker + "\","),
            Map.entry("unknown-enum-constant", marker -> "{\"stage\":\"" + marker + "\"}"),
            Map.entry("a-json-string", marker -> "\"" + marker + "\""),
            Map.entry("a-json-array", marker -> "[\"" + marker + "\"]"),
            Map.entry("wrong-field-type", marker -> "{\"stage\":[\"" + marker + "\"]}"),
            Map.entry("empty", marker -> ""),
            Map.entry("control-characters", marker -> "{\"note\":\"" + marker + "\u0000\n\"}"));

    private HostileSlices() {}

    /**
     * The content of a case.
     *
     * @param name the case's name
     * @return what the attribute is set to
     */
    public static Object content(String name) {
        Function<String, Object> content = CASES.get(name);
        if (content == null) {
            throw new IllegalArgumentException("No hostile slice '" + name + "'; the cases are " + CASES.keySet());
        }
        return content.apply(MARKER);
    }
}
