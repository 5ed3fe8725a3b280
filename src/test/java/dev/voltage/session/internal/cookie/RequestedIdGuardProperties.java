package dev.voltage.session.internal.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * The library's way to the session ({@link SessionAccess}) against a container that resolves ids
 * from the URL and may adopt a requested id for a new session (Payara and GlassFish do both): a
 * URL never joins a session, and no id the client sent becomes the id of a session the library
 * creates, whatever the request carries.
 */
class RequestedIdGuardProperties {

    /** What the request's id names. */
    enum Requested {
        NOTHING,
        LIVE_SESSION,
        UNKNOWN_ID
    }

    @AfterTry
    void endRequest() {
        RequestThread.end();
    }

    @Property(tries = 200)
    void aUrlNeverJoinsAndNoRequestedIdIsAdopted(
            @ForAll Requested requested,
            @ForAll boolean fromUrl,
            @ForAll boolean adoptsRequestedIds,
            @ForAll @IntRange(max = 2) int writes) {
        Container container = new Container(adoptsRequestedIds);
        Container.Session victim = container.create("victim-session-0123456789");
        String requestedId = switch (requested) {
            case NOTHING -> null;
            case LIVE_SESSION -> victim.id;
            case UNKNOWN_ID -> "chosen-by-client-0123456789";
        };
        RequestThread.begin(container.request(requestedId, fromUrl));
        SessionAccess access = new SessionAccess();
        boolean joinsByCookie = requested == Requested.LIVE_SESSION && !fromUrl;

        assertThat(access.ifSessionExists(HttpSession::getId, "none")).isEqualTo(joinsByCookie ? victim.id : "none");

        for (int i = 0; i <= writes; i++) {
            int write = i;
            access.writeSession(session -> session.setAttribute("write" + write, "value"));
        }
        String written = access.ifSessionExists(HttpSession::getId, "none");

        assertThat(written).isNotEqualTo("none");
        if (joinsByCookie) {
            assertThat(written).isEqualTo(victim.id);
        } else {
            assertThat(written).isNotEqualTo(requestedId).isNotEqualTo("victim-session-0123456789");
            assertThat(victim.attributes).doesNotContainKey("write0");
        }
    }

    /** A container as Payara behaves: the requested id resolves a live session, and may name a new one. */
    private static final class Container {

        final boolean adoptsRequestedIds;
        final Map<String, Session> live = new HashMap<>();
        Session current;
        String requestedId;

        Container(boolean adoptsRequestedIds) {
            this.adoptsRequestedIds = adoptsRequestedIds;
        }

        Session create(String id) {
            Session session = new Session(id);
            live.put(id, session);
            return session;
        }

        HttpServletRequest request(String requested, boolean fromUrl) {
            this.requestedId = requested;
            Map<String, Object> attributes = new HashMap<>();
            return (HttpServletRequest) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getSession" -> getSession(args == null || (boolean) args[0]);
                        case "changeSessionId" -> changeSessionId();
                        case "getRequestedSessionId" -> requestedId;
                        case "isRequestedSessionIdFromURL" -> fromUrl && requested != null;
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession getSession(boolean create) {
            if (current != null && current.valid) {
                return current.proxy;
            }
            current = requestedId == null ? null : live.get(requestedId);
            if (current != null) {
                return current.proxy;
            }
            if (!create) {
                return null;
            }
            String id = adoptsRequestedIds && requestedId != null
                    ? requestedId
                    : UUID.randomUUID().toString();
            current = create(id);
            return current.proxy;
        }

        private String changeSessionId() {
            live.remove(current.id);
            current.id = UUID.randomUUID().toString();
            live.put(current.id, current);
            if (requestedId != null) {
                requestedId = current.id; // as Payara's Request.changeSessionId does
            }
            return current.id;
        }

        /** One session of the container. */
        final class Session {

            String id;
            boolean valid = true;
            final Map<String, Object> attributes = new HashMap<>();
            final HttpSession proxy;

            Session(String id) {
                this.id = id;
                this.proxy = (HttpSession) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {HttpSession.class}, (p, method, args) -> {
                            if (!valid && !method.getName().equals("getId")) {
                                throw new IllegalStateException("invalidated");
                            }
                            return switch (method.getName()) {
                                case "getId" -> this.id;
                                case "getCreationTime" -> 0L;
                                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                                case "invalidate" -> {
                                    valid = false;
                                    live.remove(this.id);
                                    yield null;
                                }
                                default -> throw new UnsupportedOperationException(method.getName());
                            };
                        });
            }
        }
    }
}
