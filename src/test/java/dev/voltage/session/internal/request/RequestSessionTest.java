package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.Session;
import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@EnableWeld
class RequestSessionTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(LibraryBeans.with())
            .activate(RequestScoped.class)
            .build();

    @Inject
    Session session;

    @Inject
    SessionLocks locks;

    @Inject
    ActiveConfiguration settings;

    FakeHttpRequest http = new FakeHttpRequest();

    @BeforeEach
    void serveRequest() {
        RequestThread.begin(http.asRequest());
    }

    @AfterEach
    void endRequest() {
        RequestThread.end();
    }

    @Test
    void getWhenNoSessionThenNullAndNoSessionCreated() {
        assertThat((Object) session.get("cart")).isNull();
        assertThat(session.get("cart", List.of("fallback"))).containsExactly("fallback");
        assertThat(session.find("cart", List.class)).isEmpty();
        assertThat(session.has("cart")).isFalse();
        assertThat(session.keys()).isEmpty();
        assertThat(session.exists()).isFalse();
        assertThat(session.isNew()).isFalse();
        assertThat(session.id()).isEmpty();
        assertThat(http.session()).isNull();
    }

    @Test
    void setThenGetReturnsTheValueFromTheHttpSession() {
        session.set("returnUrl", "/checkout");

        assertThat((String) session.get("returnUrl")).isEqualTo("/checkout");
        assertThat(http.session().getAttribute("returnUrl")).isEqualTo("/checkout");
        assertThat(session.exists()).isTrue();
        assertThat(session.isNew()).isTrue();
        assertThat(session.id()).contains(http.session().getId());
    }

    @Test
    void getSeesWhatOtherCodeWroteToTheHttpSession() {
        session.set("a", 1);
        http.session().setAttribute("a", 2);

        assertThat((Integer) session.get("a")).isEqualTo(2);
    }

    @Test
    void getWithFallbackWhenPresentThenValue() {
        session.set("count", 3);

        assertThat(session.get("count", 0)).isEqualTo(3);
    }

    @Test
    void setNullRemovesTheKey() {
        session.set("a", "x");
        session.set("a", null);

        assertThat(session.has("a")).isFalse();
    }

    @Test
    void setNullWithoutSessionCreatesNone() {
        session.set("a", null);
        session.remove("a");

        assertThat(http.session()).isNull();
    }

    @Test
    void findWhenTypeMatchesThenValue() {
        session.set("count", 3);

        assertThat(session.find("count", Integer.class)).contains(3);
        assertThat(session.find("count", Number.class)).contains(3);
    }

    @Test
    void findWhenOtherTypeThenClassCastExceptionNamingKeyAndTypes() {
        session.set("count", "three");

        assertThatThrownBy(() -> session.find("count", Integer.class))
                .isInstanceOf(ClassCastException.class)
                .hasMessage(
                        "The session value for key 'count' is a java.lang.String, not the asked java.lang.Integer.");
    }

    @Test
    void keysNeverListTheLibrarysOwnAttributes() {
        session.set("a", "x");
        http.session().setAttribute(Session.RESERVED_PREFIX + "scope.checkout", "{}");

        assertThat(session.keys()).containsExactly("a");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankKeyIsRefused(String key) {
        String shown = key == null ? "null" : "'" + key + "'";
        String message = "A session key must not be null or blank, but was " + shown
                + "; name the value you store, e.g. \"cart\".";

        assertThatThrownBy(() -> session.set(key, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> session.get(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> session.update(key, v -> v))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> session.remove(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> session.has(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void reservedKeyIsRefused() {
        assertThatThrownBy(() -> session.set("dev.voltage.session.scope.checkout", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The session key 'dev.voltage.session.scope.checkout' starts with 'dev.voltage.session.', "
                        + "which voltage-session reserves for its own attributes; choose a key without that prefix.");
        assertThat(http.session()).isNull();
    }

    @Test
    void setWhenValueNotSerializableThenRefusedNamingKeyAndClassAndOldValueKept() {
        session.set("cart", "old");

        assertThatThrownBy(() -> session.set("cart", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value for session key 'cart' is a java.lang.Object, which is not Serializable; "
                        + "session values must survive a restart and a fail-over. Make java.lang.Object implement "
                        + "java.io.Serializable, or set voltage.session.require-serializable=false.");
        assertThat((String) session.get("cart")).isEqualTo("old");
    }

    @Test
    void setWhenCollectionHoldsNonSerializableThenRefusedNamingTheElementClass() {
        List<Object> items = new ArrayList<>(List.of("ok", new Thread()));

        assertThatThrownBy(() -> session.set("cart", items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The value for session key 'cart' is a java.util.ArrayList, "
                        + "which holds a java.lang.Thread, which is not Serializable;");
        assertThat(http.session()).as("a refused value creates no session").isNull();
    }

    @Test
    void setWhenSerializableIsNotRequiredThenAnyValueIsStored() {
        settings.use(SessionConfiguration.builder().requireSerializable(false).build());
        Object value = new Object();

        session.set("anything", value);

        assertThat((Object) session.get("anything")).isSameAs(value);
    }

    @Test
    void resetMaxAgeRestoresTheConfiguredTimeoutToTheSecond() {
        settings.use(
                SessionConfiguration.builder().timeout(Duration.ofSeconds(90)).build());
        session.set("a", "x");
        http.session().setMaxInactiveInterval(60);

        session.resetMaxAge();

        assertThat(session.maxInactiveInterval()).isEqualTo(Duration.ofSeconds(90));
    }

    /** A record that looks serializable but holds something that is not. */
    record Line(String sku, Object note) implements java.io.Serializable {}

    /** A class of the application's own that hides a non-serializable field. */
    static class Basket implements java.io.Serializable {
        private final Object lock = new Object();
    }

    @Test
    void setWhenRecordOrMapOrPojoHoldsNonSerializableThenRefusedNamingTheInnerClass() {
        assertThatThrownBy(() -> session.set("cart", List.of(new Line("apple", new Object()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which holds a java.lang.Object, which is not Serializable");
        assertThatThrownBy(() -> session.set("cart", new java.util.HashMap<>(java.util.Map.of("k", new Thread()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which holds a java.lang.Thread, which is not Serializable");
        assertThatThrownBy(() -> session.set("cart", new Basket()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which holds a java.lang.Object, which is not Serializable");
    }

    @Test
    void setWhenArrayHoldsNonSerializableThenRefusedNamingTheElementClass() {
        assertThatThrownBy(() -> session.set("cart", new Object[] {"apple", List.of(new Object())}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which holds a java.lang.Object, which is not Serializable");
    }

    @Test
    void setWhenEnumConstantHasABodyThenStored() {
        session.set("unit", java.util.concurrent.TimeUnit.SECONDS);
        session.set("policy", List.of(java.math.RoundingMode.HALF_UP, Step.SHIPPED));

        assertThat((Object) session.get("unit")).isEqualTo(java.util.concurrent.TimeUnit.SECONDS);
        assertThat(session.find("policy", List.class)).contains(List.of(java.math.RoundingMode.HALF_UP, Step.SHIPPED));
    }

    /** An enum whose constant has a body of its own, so its class is a subclass of the enum. */
    enum Step {
        SHIPPED {
            @Override
            public String toString() {
                return "shipped";
            }
        }
    }

    @Test
    void setWhenEverythingInsideIsSerializableThenStored() {
        List<Line> cart = List.of(new Line("apple", 2), new Line("pear", java.time.LocalDate.of(2026, 1, 1)));
        Object[] nested = {cart, new int[] {1, 2}, java.util.Map.of("k", List.of("v"))};

        session.set("cart", cart);
        session.set("nested", nested);

        assertThat((Object) session.get("cart")).isSameAs(cart);
        assertThat((Object) session.get("nested")).isSameAs(nested);
    }

    @Test
    void updateWhenValueNotSerializableThenRefusedAndOldValueKept() {
        session.set("cart", "old");

        assertThatThrownBy(() -> session.update("cart", old -> new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session key 'cart'");
        assertThat((String) session.get("cart")).isEqualTo("old");
    }

    @Test
    void updateWhenAbsentThenUpdaterGetsNull() {
        List<Object> seen = new ArrayList<>();

        String result = session.update("name", current -> {
            seen.add(current == null ? "null" : current);
            return "ada";
        });

        assertThat(seen).containsExactly("null");
        assertThat(result).isEqualTo("ada");
        assertThat((String) session.get("name")).isEqualTo("ada");
    }

    @Test
    void updateWhenAbsentThenUpdaterGetsInitial() {
        List<String> cart = session.update("cart", List.<String>of(), current -> append(current, "apple"));

        assertThat(cart).containsExactly("apple");
        assertThat(session.update("cart", List.<String>of(), current -> append(current, "pear")))
                .containsExactly("apple", "pear");
    }

    @Test
    void updateWhenUpdaterReturnsNullThenKeyRemoved() {
        session.set("cart", "x");

        assertThat((Object) session.update("cart", current -> null)).isNull();
        assertThat(session.has("cart")).isFalse();
    }

    @Test
    void updateWhenAbsentAndUpdaterReturnsNullThenNoSessionCreated() {
        session.update("cart", current -> null);

        assertThat(http.session()).isNull();
    }

    @Test
    void updateFromManyRequestsOfOneSessionLosesNothing() throws Exception {
        FakeHttpSession shared = new FakeHttpSession();
        shared.setAttribute("cart", List.of());
        int requests = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String item = "item-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    RequestThread.begin(new FakeHttpRequest(shared).asRequest());
                    try {
                        return new RequestSession(
                                        new SessionServices(locks, new ActiveConfiguration(), null, null, null))
                                .update("cart", List.<String>of(), cart -> {
                                    Thread.yield();
                                    return append(cart, item);
                                });
                    } finally {
                        RequestThread.end(); // pooled threads serve other requests next
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat((List<?>) shared.getAttribute("cart")).hasSize(requests).doesNotHaveDuplicates();
    }

    @Test
    void saveWritesBackEveryValueReadOrWritten() {
        session.set("written", "w");
        http.session().setAttribute("read", new ArrayList<>(List.of("a")));
        http.session().setAttribute("untouched", "u");
        List<String> read = session.get("read");
        read.add("b");
        http.session().writes().clear();

        session.save();

        assertThat(http.session().writes()).containsExactlyInAnyOrder("written", "read");
    }

    @Test
    void saveWritesBackEachKeyOnceAndNoneThatWasRemoved() {
        session.set("a", "1");
        session.set("b", "2");
        session.get("a");
        session.get("b");
        session.remove("a");
        session.set("c", "3");
        session.get("c");
        session.update("b", (String b) -> b + "2");
        http.session().setAttribute("a", "written by another request");
        http.session().writes().clear();

        session.save();

        assertThat(http.session().writes()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void saveWithoutSessionCreatesNone() {
        session.get("a");
        session.save();

        assertThat(http.session()).isNull();
    }

    @Test
    void reloadForgetsWhatThisRequestRead() {
        session.set("a", "x");
        session.reload();
        http.session().writes().clear();

        session.save();

        assertThat(http.session().writes()).isEmpty();
    }

    @Test
    void deleteThenReadsAreEmptyAndAWriteStartsANewSession() {
        session.set("cart", "x");
        FakeHttpSession first = http.session();

        session.delete();

        assertThat(first.isInvalidated()).isTrue();
        assertThat(session.exists()).isFalse();
        assertThat((Object) session.get("cart")).isNull();
        assertThat(session.keys()).isEmpty();
        assertThat(session.id()).isEmpty();

        session.set("after", "y");

        assertThat(http.session()).isNotSameAs(first);
        assertThat(session.keys()).containsExactly("after");
    }

    @Test
    void deleteWithoutSessionDoesNothing() {
        assertThatCode(session::delete).doesNotThrowAnyException();
        assertThat(http.session()).isNull();
    }

    @Test
    void sessionInvalidatedByOtherCodeReadsAsNoSessionAndNoIllegalStateExceptionEscapes() {
        session.set("cart", "x");
        FakeHttpSession invalidated = http.session();
        invalidated.invalidate();

        assertThat(session.exists()).isFalse();
        assertThat(session.isNew()).isFalse();
        assertThat(session.keys()).isEmpty();
        assertThat(session.has("cart")).isFalse();
        assertThatCode(() -> {
                    session.save();
                    session.touch();
                    session.resetMaxAge();
                    session.regenerate();
                    session.delete();
                })
                .doesNotThrowAnyException();

        assertThat(session.update("cart", List.<String>of(), cart -> append(cart, "apple")))
                .containsExactly("apple");
        assertThat(http.session()).isNotSameAs(invalidated);
    }

    @Test
    void regenerateChangesTheIdAndKeepsTheData() {
        session.set("user", "ada");
        String before = session.id().orElseThrow();

        session.regenerate();

        assertThat(session.id()).isPresent().get().isNotEqualTo(before);
        assertThat((String) session.get("user")).isEqualTo("ada");
    }

    @Test
    void regenerateWithoutSessionDoesNothing() {
        session.regenerate();

        assertThat(http.session()).isNull();
    }

    @Test
    void resetMaxAgeRestoresTheConfiguredTimeout() {
        session.set("a", "x");
        http.session().setMaxInactiveInterval(60);

        session.resetMaxAge();

        assertThat(session.maxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void timeFactsWithoutSessionThrowIllegalStateException() {
        assertThatThrownBy(session::createdAt)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("There is no session, so it has no createdAt(); check Session.exists() first.");
        assertThatThrownBy(session::lastAccessedAt)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lastAccessedAt()");
        assertThatThrownBy(session::maxInactiveInterval)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxInactiveInterval()");
    }

    @Test
    void timeFactsOfAnExistingSession() {
        session.set("a", "x");

        assertThat(session.createdAt().toEpochMilli()).isEqualTo(http.session().getCreationTime());
        assertThat(session.lastAccessedAt().toEpochMilli())
                .isEqualTo(http.session().getLastAccessedTime());
        assertThat(session.maxInactiveInterval()).isEqualTo(Duration.ofSeconds(1800));
    }

    private static List<String> append(List<String> list, String item) {
        List<String> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }
}
