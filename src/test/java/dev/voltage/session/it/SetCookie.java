package dev.voltage.session.it;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One {@code Set-Cookie} header as the server sent it, with its attributes by lower-case name. */
public record SetCookie(String name, String value, Map<String, String> attributes) {

    /**
     * Parses a {@code Set-Cookie} header.
     *
     * @param header the header's value
     * @return the cookie
     */
    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String[] pair = parts[0].trim().split("=", 2);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] attribute = parts[i].trim().split("=", 2);
            attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
        }
        return new SetCookie(pair[0], pair.length > 1 ? pair[1] : "", attributes);
    }

    /**
     * Finds the cookie of a name among a response's {@code Set-Cookie} headers.
     *
     * @param response the response
     * @param name the cookie's name
     * @return the last such cookie, as a browser keeps the last
     */
    public static Optional<SetCookie> of(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .filter(cookie -> cookie.name().equals(name))
                .reduce((first, second) -> second);
    }

    /**
     * @param attribute the attribute's name, in any case
     * @return whether the cookie carries it
     */
    public boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    /**
     * The cookie's lifetime in seconds, from {@code Max-Age}, or from {@code Expires} where the
     * container writes only that (Open Liberty).
     *
     * @return the seconds, or {@code null} for a browser-session cookie
     */
    public Long maxAgeSeconds() {
        if (has("Max-Age")) {
            return Long.parseLong(get("Max-Age"));
        }
        if (has("Expires")) {
            java.time.ZonedDateTime expires = java.time.ZonedDateTime.parse(
                    get("Expires").replace('-', ' '),
                    java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.ENGLISH));
            return java.time.Duration.between(java.time.ZonedDateTime.now(), expires)
                    .toSeconds();
        }
        return null;
    }

    /**
     * @param attribute the attribute's name, in any case
     * @return its value, or {@code null} when absent
     */
    public String get(String attribute) {
        return attributes.get(attribute.toLowerCase(Locale.ROOT));
    }
}
