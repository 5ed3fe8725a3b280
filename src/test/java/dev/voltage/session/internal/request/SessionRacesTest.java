package dev.voltage.session.internal.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voltage.session.Session;
import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.config.ActiveConfiguration;
import dev.voltage.session.internal.slice.RequestSlices;
import dev.voltage.session.internal.slice.SliceCodec;
import dev.voltage.session.it.scopes.CounterSession;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests of one session racing each other, each on a thread of its own with a request of its
 * own over one shared {@code HttpSession}, as a container serves a browser's parallel requests.
 */
@EnableWeld
class SessionRacesTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(LibraryBeans.with())
            .activate(RequestScoped.class)
            .build();

    @Inject
    SessionLocks locks;

    @Inject
    SliceCodec codec;

    @Inject
    ActiveConfiguration settings;

    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void updateHoldingTheLockCompletesBeforeAConcurrentDeleteAndItsValueEndsWithTheSession() throws Exception {
        FakeHttpSession shared = sessionWith("user", "ada");
        CountDownLatch updating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FakeHttpRequest updater = new FakeHttpRequest(shared);

        Future<String> update = request(
                updater,
                session -> session.update("user", user -> {
                    updating.countDown();
                    await(finish);
                    return user + "+";
                }));
        updating.await();
        Future<Boolean> delete = request(new FakeHttpRequest(shared), session -> {
            session.delete();
            return session.exists();
        });

        assertThatThrownBy(() -> delete.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        finish.countDown();

        assertThat(update.get()).isEqualTo("ada+");
        assertThat(delete.get()).isFalse();
        assertThat(shared.isInvalidated()).isTrue();
        assertThat(updater.session()).as("the update made no new session").isSameAs(shared);
    }

    @Test
    void updateThatGetsTheLockAfterADeleteSeesNoValueAndStartsAFreshSessionWithOnlyItsResult() throws Exception {
        FakeHttpSession shared = sessionWith("user", "ada");
        shared.setAttribute("cart", List.of("apple"));
        CountDownLatch deleterHoldsTheLock = new CountDownLatch(1);
        FakeHttpRequest late = new FakeHttpRequest(shared);
        AtomicReference<Object> seen = new AtomicReference<>("not called");

        // The deleting request holds the lock (an update whose updater logs out) while the other,
        // which found the session live, waits for it.
        Future<?> logout = request(
                new FakeHttpRequest(shared),
                session -> session.update("visits", 0, visits -> {
                    deleterHoldsTheLock.countDown();
                    pause(300);
                    session.delete();
                    return visits + 1;
                }));
        deleterHoldsTheLock.await();
        Future<Integer> update = request(
                late,
                session -> session.update("visits", 0, visits -> {
                    seen.set(visits);
                    return visits + 10;
                }));
        logout.get();

        assertThat(update.get()).isEqualTo(10);
        assertThat(seen.get()).isEqualTo(0);
        assertThat(late.session()).isNotSameAs(shared);
        assertThat(names(late.session())).containsExactly("visits");
    }

    @Test
    void readModifyWriteWhoseSessionOtherCodeEndsMidwayNeverCarriesItsDataIntoANewSession() throws Exception {
        FakeHttpSession shared = sessionWith("user", "ada");
        FakeHttpRequest updater = new FakeHttpRequest(shared);

        String result = request(
                        updater,
                        session -> session.<String>update("user", user -> {
                            shared.invalidate(); // the container's expiry, or code calling HttpSession.invalidate()
                            // itself
                            return user + "+";
                        }))
                .get();

        assertThat(result).isEqualTo("ada+");
        assertThat(updater.session())
                .as("no new session holds the ended session's data")
                .isSameAs(shared);
    }

    @Test
    void concurrentAddsWithRegeneratesAmongThemLoseNothing() throws Exception {
        FakeHttpSession shared = sessionWith("cart", List.of());
        String firstId = shared.getId();
        int adds = 60;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < adds; i++) {
            String item = "item-" + i;
            requests.add(request(new FakeHttpRequest(shared), session -> {
                await(start);
                return session.update("cart", List.<String>of(), cart -> {
                    Thread.yield();
                    return append(cart, item);
                });
            }));
            if (i % 20 == 10) {
                requests.add(request(new FakeHttpRequest(shared), session -> {
                    await(start);
                    session.regenerate();
                    return null;
                }));
            }
        }
        start.countDown();
        for (Future<?> request : requests) {
            request.get();
        }

        assertThat(shared.getId()).isNotEqualTo(firstId);
        assertThat((List<?>) shared.getAttribute("cart")).hasSize(adds).doesNotHaveDuplicates();
        assertThat(locks.size()).as("no lock outlives its use").isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void updatesInFlightAcrossARegenerateExcludeEachOtherWhenAnotherRequestReadsTheNewIdFirst() throws Exception {
        FakeHttpSession shared = sessionWith("cart", List.of());
        FakeHttpRequest regenerating = new FakeHttpRequest(shared);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicReference<Future<?>> other = new AtomicReference<>();
        regenerating.afterIdChange(() -> {
            other.set(request(
                    new FakeHttpRequest(shared),
                    session -> session.update("cart", List.<String>of(), cart -> {
                        enter(inside, mostInside);
                        pause(100);
                        inside.decrementAndGet();
                        return append(cart, "other");
                    })));
            pause(200); // the other request reads the new id before the library hears of it
        });

        request(
                        regenerating,
                        session -> session.update("cart", List.<String>of(), cart -> {
                            enter(inside, mostInside);
                            session.regenerate();
                            pause(50); // the rest of a login: still under the session's lock
                            inside.decrementAndGet();
                            return append(cart, "regenerating");
                        }))
                .get();
        other.get().get();

        assertThat(mostInside.get())
                .as("at most one request inside the session's lock at a time")
                .isEqualTo(1);
        assertThat((List<Object>) shared.getAttribute("cart")).containsExactlyInAnyOrder("other", "regenerating");
        assertThat(locks.size()).isZero();
    }

    @Test
    void aSlowUpdaterInOneSessionNeverDelaysAnotherSessionEvenWithTheSameIdHash() throws Exception {
        FakeHttpSession slow = new FakeHttpSession("Aa");
        FakeHttpSession other = new FakeHttpSession("BB");
        assertThat(slow.getId().hashCode()).isEqualTo(other.getId().hashCode());
        CountDownLatch slowHoldsItsLock = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        Future<?> slowUpdate = request(
                new FakeHttpRequest(slow),
                session -> session.update("n", 0, n -> {
                    slowHoldsItsLock.countDown();
                    await(finish);
                    return n + 1;
                }));
        slowHoldsItsLock.await();

        assertThat(request(new FakeHttpRequest(other), session -> session.update("n", 0, n -> n + 1))
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo(1);
        finish.countDown();
        slowUpdate.get();
    }

    @Test
    void anUpdateThatCannotGetTheLockWithinTheTimeoutThrowsIllegalStateExceptionSayingSo() throws Exception {
        settings.use(SessionConfiguration.builder()
                .lockTimeout(Duration.ofMillis(200))
                .build());
        FakeHttpSession shared = sessionWith("n", 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<?> holder = request(
                new FakeHttpRequest(shared),
                session -> session.update("n", 0, n -> {
                    holding.countDown();
                    await(finish);
                    return n + 1;
                }));
        holding.await();

        try {
            for (Function<Session, Object> waiting : List.<Function<Session, Object>>of(
                    session -> session.update("n", 0, n -> n + 10),
                    session -> {
                        session.delete();
                        return null;
                    },
                    session -> {
                        session.regenerate();
                        return null;
                    })) {
                assertThatThrownBy(() ->
                                request(new FakeHttpRequest(shared), waiting).get())
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageEndingWith(
                                " could not lock its session within PT0.2S (voltage.session.lock-timeout): "
                                        + "another request of the same session held the lock all that time. Keep the work "
                                        + "inside updaters short, or raise voltage.session.lock-timeout.");
            }
        } finally {
            finish.countDown();
        }
        holder.get();
        assertThat(shared.getAttribute("n")).isEqualTo(1);
        assertThat(locks.size()).isZero();
    }

    @Test
    void nestedUpdatesAndARegenerateInsideAnUpdateOfOneSessionWork() throws Exception {
        FakeHttpSession shared = sessionWith("outer", 1);
        String before = shared.getId();

        int result = request(
                        new FakeHttpRequest(shared),
                        session -> session.update("outer", 0, outer -> {
                            session.update("inner", 0, inner -> session.update("innermost", 0, n -> n + 1) + 1);
                            session.regenerate();
                            return outer + (int) session.get("inner");
                        }))
                .get();

        assertThat(result).isEqualTo(3);
        assertThat(shared.getId()).isNotEqualTo(before);
        assertThat(names(shared)).containsExactlyInAnyOrder("outer", "inner", "innermost");
        assertThat(locks.size()).isZero();
    }

    @Test
    void deleteAmongManyReadsAndWritesLetsNoIllegalStateExceptionOfTheContainerEscape() throws Exception {
        for (int round = 0; round < 20; round++) {
            FakeHttpSession shared = sessionWith("user", "ada");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int kind = i;
                requests.add(request(new FakeHttpRequest(shared), session -> {
                    await(start);
                    for (int step = 0; step < 20; step++) {
                        readOrWrite(session, kind + step);
                    }
                    return null;
                }));
            }
            requests.add(request(new FakeHttpRequest(shared), session -> {
                await(start);
                Thread.yield();
                session.delete();
                return null;
            }));
            start.countDown();
            for (Future<?> request : requests) {
                request.get(); // an escaped exception fails the test here
            }
            assertThat(shared.isInvalidated()).isTrue();
        }
        assertThat(locks.size()).isZero();
    }

    @Test
    void sliceUpdateAfterAnotherRequestDeletedStartsFromTheDefaults() throws Exception {
        FakeHttpSession shared = new FakeHttpSession();
        FakeHttpRequest late = new FakeHttpRequest(shared);
        request(
                        new FakeHttpRequest(shared),
                        session -> slices().update("counters", CounterSession.class, Map::of, increment("a")))
                .get();
        CountDownLatch lateReadTheSlice = new CountDownLatch(1);
        CountDownLatch deleted = new CountDownLatch(1);

        Future<Map<String, Integer>> update = request(late, session -> {
            RequestSlices slices = slices();
            Map<String, Integer> before = slices.read("counters", CounterSession.class, Map::of);
            lateReadTheSlice.countDown();
            await(deleted);
            Map<String, Integer> after = slices.update("counters", CounterSession.class, Map::of, increment("b"));
            return before.equals(Map.of("a", 1)) ? after : Map.of("read", -1);
        });
        lateReadTheSlice.await();
        request(new FakeHttpRequest(shared), session -> {
                    session.delete();
                    return null;
                })
                .get();
        deleted.countDown();

        assertThat(update.get()).isEqualTo(Map.of("b", 1));
        assertThat(late.session()).isNotSameAs(shared);
        assertThat(late.session().getAttribute("dev.voltage.session.scope.counters"))
                .isEqualTo("{\"b\":1}");
    }

    private static java.util.function.UnaryOperator<Map<String, Integer>> increment(String key) {
        return counts -> {
            Map<String, Integer> next = new TreeMap<>(counts);
            next.merge(key, 1, Integer::sum);
            return next;
        };
    }

    private RequestSlices slices() {
        return new RequestSlices(locks, codec);
    }

    private static void readOrWrite(Session session, int kind) {
        try {
            switch (kind % 9) {
                case 0 -> session.get("user");
                case 1 -> session.set("visited", true);
                case 2 -> session.update("count", 0, n -> n + 1);
                case 3 -> session.keys();
                case 4 -> session.has("user");
                case 5 -> session.remove("visited");
                case 6 -> session.save();
                case 7 -> session.touch();
                default -> {
                    session.createdAt();
                    session.lastAccessedAt();
                    session.maxInactiveInterval();
                }
            }
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).as("only the library's own 'no session'").startsWith("There is no session");
        }
    }

    /** Runs {@code work} as one request of its own, on a thread of its own. */
    private <T> Future<T> request(FakeHttpRequest http, Function<Session, T> work) {
        return pool.submit(() -> {
            RequestThread.begin(http.asRequest());
            try {
                return work.apply(new RequestSession(new SessionServices(locks, settings, null, null, null)));
            } finally {
                RequestThread.end();
            }
        });
    }

    private static FakeHttpSession sessionWith(String key, Object value) {
        FakeHttpSession session = new FakeHttpSession();
        session.setAttribute(key, value);
        session.markKnownToClient();
        return session;
    }

    private static List<String> names(FakeHttpSession session) {
        return java.util.Collections.list(session.getAttributeNames());
    }

    private static void enter(AtomicInteger inside, AtomicInteger mostInside) {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
    }

    private static List<String> append(List<String> list, String item) {
        List<String> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
