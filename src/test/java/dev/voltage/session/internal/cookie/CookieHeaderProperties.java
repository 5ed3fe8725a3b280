package dev.voltage.session.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.LoggerFactory;

/**
 * Generated {@code Cookie} headers and {@code Set-Cookie} sequences thrown at the library's cookie
 * logic: nothing escapes, the cookie it sends again is always the live session's, the session
 * cookie survives whatever the application sets, and no value a client sent reaches a log line.
 */
class CookieHeaderProperties {

    private static final String NAME = "JSESSIONID";
    private static final String LIVE_ID = "LiveSessionId0123456789abcdefXYZ";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeProperty
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterProperty
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    /** A cookie value as a client may send it: an id, a route-suffixed id, or anything at all. */
    @Provide
    Arbitrary<String> cookieValues() {
        return Arbitraries.oneOf(
                Arbitraries.just(LIVE_ID),
                Arbitraries.just(LIVE_ID + ".node1"),
                Arbitraries.strings().ofMaxLength(5000),
                Arbitraries.strings()
                        .withChars("\"=;, \t\\\u00e9\u20ac\u0000\r\n")
                        .ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(64));
    }

    /** A Cookie header: several cookies, some of them of the session's name, in any order. */
    @Provide
    Arbitrary<List<String[]>> cookieHeaders() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.just(NAME),
                Arbitraries.just("theme"),
                Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(names, cookieValues())
                .as((name, value) -> new String[] {name, value})
                .list()
                .ofMaxSize(6);
    }

    @Property(tries = 500)
    void resendSendsOnlyTheIdOfTheSessionTheContainerResolved(
            @ForAll("cookieHeaders") List<String[]> header, @ForAll boolean containerTakesFirst) {
        List<Cookie> cookies = parse(header);
        String requested = resolve(cookies, containerTakesFirst);
        boolean valid = RequestedSessionIds.names(requested, LIVE_ID);
        RecordingResponse response = new RecordingResponse();

        SessionCookies.resend(request(cookies, requested, valid), response.proxy());

        assertThat(response.cookies)
                .allSatisfy(sent -> assertThat(sent.getValue()).contains(LIVE_ID));
        assertThat(response.cookies).hasSize(valid ? 1 : 0);
        assertNoValueLogged(cookies);
    }

    @Property(tries = 300)
    void clearSendsAnEmptyValueOnly(@ForAll("cookieHeaders") List<String[]> header) {
        List<Cookie> cookies = parse(header);
        RecordingResponse response = new RecordingResponse();

        SessionCookies.clear(request(cookies, resolve(cookies, true), false), response.proxy());

        assertThat(response.cookies).allSatisfy(sent -> {
            assertThat(sent.getValue()).isEmpty();
            assertThat(sent.getMaxAge()).isZero();
        });
        assertNoValueLogged(cookies);
    }

    @Property(tries = 500)
    void namesNeverThrowsAndHoldsForTheIdItself(
            @ForAll("cookieValues") String value, @ForAll("cookieValues") String id) {
        RequestedSessionIds.names(value, id);

        assertThat(RequestedSessionIds.names(id, id)).isEqualTo(!id.isEmpty());
        assertThat(RequestedSessionIds.names(null, id)).isFalse();
        assertThat(RequestedSessionIds.names(value, null)).isFalse();
    }

    /** Application cookies set in any way and order never take the session cookie away. */
    @Property(tries = 300)
    void theSessionCookieSurvivesTheApplicationsSetCookieHeaders(
            @ForAll("applicationCookies") List<String[]> operations) {
        RecordingResponse container = new RecordingResponse();
        HttpServletRequest request = request(List.of(), null, false);
        SameSiteResponse response = new SameSiteResponse(request, container.proxy());
        container.headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(NAME + "=" + LIVE_ID + "; Path=/");

        for (String[] operation : operations) {
            if (operation[0].equals("set")) {
                response.setHeader("Set-Cookie", operation[1]);
            } else {
                response.addHeader("Set-Cookie", operation[1]);
            }
        }
        response.complete();

        assertThat(container.headers.get("Set-Cookie"))
                .filteredOn(h -> h.startsWith(NAME + "="))
                .singleElement()
                .satisfies(h ->
                        assertThat(h).startsWith(NAME + "=" + LIVE_ID + ";").contains("SameSite=Lax"));
        List<String> applications = new ArrayList<>();
        for (String[] operation : operations) {
            if (operation[0].equals("set")) {
                applications.clear();
            }
            applications.add(operation[1]);
        }
        assertThat(container.headers.get("Set-Cookie"))
                .filteredOn(h -> !h.startsWith(NAME + "="))
                .as("what the application set, as it set it")
                .containsExactlyElementsOf(applications);
    }

    @Provide
    Arbitrary<List<String[]>> applicationCookies() {
        Arbitrary<String> cookie = Combinators.combine(
                        Arbitraries.of("theme", "lang", "csrf"),
                        Arbitraries.strings().alpha().numeric().ofMaxLength(20))
                .as((name, value) -> name + "=" + value + "; Path=/");
        return Combinators.combine(Arbitraries.of("set", "add"), cookie)
                .as((how, header) -> new String[] {how, header})
                .list()
                .ofMaxSize(5);
    }

    private void assertNoValueLogged(List<Cookie> cookies) {
        List<String> lines =
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (Cookie cookie : cookies) {
            if (cookie.getValue().length() >= 4) {
                assertThat(lines).noneMatch(line -> line.contains(cookie.getValue()));
            }
        }
    }

    /** Parses a header as a lenient container does: a name that is no token drops its cookie. */
    private static List<Cookie> parse(List<String[]> header) {
        List<Cookie> cookies = new ArrayList<>();
        for (String[] pair : header) {
            try {
                cookies.add(new Cookie(pair[0], pair[1]));
            } catch (IllegalArgumentException notAToken) {
                // the container drops it
            }
        }
        return cookies;
    }

    /** The id a container resolves: the first cookie of the name, or the first that names a live session. */
    private static String resolve(List<Cookie> cookies, boolean first) {
        List<String> values = cookies.stream()
                .filter(c -> c.getName().equals(NAME))
                .map(Cookie::getValue)
                .toList();
        if (values.isEmpty()) {
            return null;
        }
        return first
                ? values.get(0)
                : values.stream()
                        .filter(v -> RequestedSessionIds.names(v, LIVE_ID))
                        .findFirst()
                        .orElse(values.get(0));
    }

    private static HttpServletRequest request(List<Cookie> cookies, String requested, boolean valid) {
        SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(
                loader(),
                new Class<?>[] {SessionCookieConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "getPath", "getDomain" -> null;
                    case "getMaxAge" -> 600;
                    case "isHttpOnly", "isSecure" -> true;
                    case "getAttribute" -> "SameSite".equals(args[0]) ? "Lax" : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ServletContext context = (ServletContext) Proxy.newProxyInstance(
                loader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSessionCookieConfig" -> config;
                    case "getContextPath" -> "/app";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HttpSession session = (HttpSession) Proxy.newProxyInstance(
                loader(), new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> LIVE_ID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Cookie[] array = cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
        return (HttpServletRequest) Proxy.newProxyInstance(
                loader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> array;
                    case "getRequestedSessionId" -> requested;
                    case "isRequestedSessionIdValid" -> valid;
                    case "isRequestedSessionIdFromCookie" -> requested != null;
                    case "getSession" -> valid ? session : null;
                    case "getServletContext" -> context;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader loader() {
        return CookieHeaderProperties.class.getClassLoader();
    }

    /** A response that keeps its headers as a container does, and the cookies added to it. */
    private static final class RecordingResponse {

        final List<Cookie> cookies = new ArrayList<>();
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    loader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "addCookie" -> cookies.add((Cookie) args[0]);
                        case "isCommitted" -> false;
                        case "containsHeader" -> headers.containsKey(args[0]);
                        case "getHeaders" -> List.copyOf(headers.getOrDefault(args[0], List.of()));
                        case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" ->
                            headers.computeIfAbsent((String) args[0], k -> new ArrayList<>())
                                    .add((String) args[1]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
