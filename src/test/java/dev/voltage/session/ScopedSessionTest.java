package dev.voltage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.voltage.session.internal.VoltageSessionExtension;
import dev.voltage.session.internal.request.RequestThread;
import dev.voltage.session.internal.request.SessionLocks;
import dev.voltage.session.internal.slice.RequestSlices;
import dev.voltage.session.internal.slice.SliceCodec;
import dev.voltage.session.internal.slice.StateTypes;
import dev.voltage.session.it.scopes.CartItem;
import dev.voltage.session.it.scopes.CartSession;
import dev.voltage.session.it.scopes.CheckoutSession;
import dev.voltage.session.it.scopes.CheckoutState;
import dev.voltage.session.it.scopes.CounterSession;
import dev.voltage.session.it.scopes.Notes;
import dev.voltage.session.it.scopes.ProfileSession;
import dev.voltage.session.it.scopes.Step;
import dev.voltage.session.spi.SliceStore;
import dev.voltage.session.testing.FakeHttpRequest;
import dev.voltage.session.testing.FakeHttpSession;
import dev.voltage.session.testing.LibraryBeans;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@EnableWeld
class ScopedSessionTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new VoltageSessionExtension())
                    .addBeanClasses(LibraryBeans.with(
                            CheckoutSession.class,
                            CartSession.class,
                            CounterSession.class,
                            ProfileSession.class,
                            Notes.ApplicationNotes.class,
                            Notes.RequestNotes.class,
                            Notes.SessionNotes.class,
                            Notes.DependentNotes.class)))
            .activate(RequestScoped.class, SessionScoped.class)
            .build();

    @Inject
    CheckoutSession checkout;

    @Inject
    CartSession cart;

    @Inject
    CounterSession counters;

    @Inject
    ProfileSession profile;

    @Inject
    Instance<Object> beans;

    @Inject
    Session session;

    @Inject
    SessionLocks locks;

    @Inject
    SliceCodec codec;

    FakeHttpRequest http = new FakeHttpRequest();
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void serveRequest() {
        RequestThread.begin(http.asRequest());
        warnings.start();
        ((Logger) LoggerFactory.getLogger(RequestSlices.class)).addAppender(warnings);
    }

    @AfterEach
    void stopCapturing() {
        RequestThread.end();
        ((Logger) LoggerFactory.getLogger(RequestSlices.class)).detachAppender(warnings);
    }

    @Test
    void dataBeforeTheFirstWriteIsTheDefaultsAndCreatesNoSession() {
        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.SHIPPING, null));
        assertThat(checkout.step()).isEqualTo(Step.SHIPPING);
        assertThat(http.session()).isNull();
    }

    @Test
    void updateStoresThePlainJsonOfTheStateUnderThePrivateAttribute() {
        checkout.advance(Step.PAYMENT);

        assertThat(checkout.step()).isEqualTo(Step.PAYMENT);
        assertThat(http.session().getAttribute("dev.voltage.session.scope.checkout"))
                .isEqualTo("{\"step\":\"PAYMENT\"}");
        assertThat(session.keys()).isEmpty();
    }

    @Test
    void dataReplacesTheState() {
        checkout.advance(Step.REVIEW);
        checkout.chooseAddress("home");

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.REVIEW, "home"));
    }

    @Test
    void resetGoesBackToTheDefaultsAndRemovesTheSlice() {
        checkout.advance(Step.REVIEW);

        checkout.reset();

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.SHIPPING, null));
        assertThat(http.session().getAttribute("dev.voltage.session.scope.checkout"))
                .isNull();
    }

    @Test
    void resetWithoutSessionCreatesNone() {
        checkout.reset();

        assertThat(http.session()).isNull();
    }

    @Test
    void nestedGenericStateIsDecodedToItsElementType() {
        cart.add("apple", 2);
        cart.add("pear", 1);
        session.reload(); // decode from the stored JSON, not from this request's memory

        assertThat(cart.items()).containsExactly(new CartItem("apple", 2), new CartItem("pear", 1));
        assertThat(StateTypes.of(CartSession.class).getTypeName())
                .isEqualTo("java.util.List<" + CartItem.class.getName() + ">");
    }

    @Test
    void mapStateIsDecodedWithItsValueType() {
        counters.increment("a");
        counters.increment("a");
        counters.increment("b");
        session.reload();

        assertThat(counters.data()).isEqualTo(Map.of("a", 2, "b", 1));
    }

    @Test
    void pojoStateWithSupplierDefaults() {
        assertThat(profile.data().getDisplayName()).isEqualTo("guest");

        profile.rename("ada");
        session.reload();

        assertThat(profile.data().getDisplayName()).isEqualTo("ada");
        assertThat(profile.data().getLocale()).isEqualTo("en");
    }

    @Test
    void stateTypeIsReadThroughTheClientProxyAndAUserGenericBase() {
        assertThat(checkout.getClass()).isNotEqualTo(CheckoutSession.class);

        assertThat(StateTypes.of(checkout.getClass())).isEqualTo(CheckoutState.class);
        assertThat(StateTypes.of(Notes.ApplicationNotes.class).getTypeName())
                .isEqualTo("java.util.List<java.lang.String>");
    }

    @Test
    void everyCdiScopeBehavesTheSame() {
        for (Class<? extends dev.voltage.session.it.scopes.ListScope<String>> kind : Notes.KINDS) {
            beans.select(kind).get().append("one");
            beans.select(kind).get().append("two");

            assertThat(beans.select(kind).get().data()).as(kind.getSimpleName()).containsExactly("one", "two");
        }
    }

    @Test
    void stateIsDecodedAtMostOncePerRequestUntilReload() {
        FakeHttpSession stored = writeRaw("checkout", "{\"step\":\"PAYMENT\"}");
        CheckoutState first = checkout.data();
        stored.setAttribute("dev.voltage.session.scope.checkout", "{\"step\":\"REVIEW\"}");

        assertThat(checkout.data()).isSameAs(first);

        session.reload();

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.REVIEW, null));
    }

    @Test
    void updateSeesWhatAnotherRequestWroteSinceThisOneRead() {
        FakeHttpSession stored = writeRaw("checkout", "{\"step\":\"PAYMENT\"}");
        checkout.data();
        stored.setAttribute("dev.voltage.session.scope.checkout", "{\"step\":\"PAYMENT\",\"addressId\":\"work\"}");

        checkout.advance(Step.REVIEW);

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.REVIEW, "work"));
    }

    @Test
    void stateOfAnOlderShapeIsReadTolerantly() {
        writeRaw("checkout", "{\"step\":\"PAYMENT\",\"coupon\":\"SPRING\"}");
        assertThat(checkout.data()).as("a removed field").isEqualTo(new CheckoutState(Step.PAYMENT, null));

        writeRaw("checkout", "{\"addressId\":\"home\"}");
        session.reload();
        assertThat(checkout.data()).as("an added field").isEqualTo(new CheckoutState(null, "home"));

        writeRaw("checkout", "{\"stage\":\"REVIEW\",\"addressId\":\"home\"}");
        session.reload();
        assertThat(checkout.data()).as("a renamed field").isEqualTo(new CheckoutState(null, "home"));
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void stateThatCannotBeDecodedLogsOneWarningAndReadsAsTheDefaults() {
        writeRaw("checkout", "{\"step\":\"FLYING\"}");

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.SHIPPING, null));
        assertThat(checkout.step()).isEqualTo(Step.SHIPPING);
        assertThat(warnings.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith(
                            "The state of session scope 'checkout' cannot be read as " + CheckoutState.class.getName()
                                    + " and falls back to the defaults until it is written again:");
        });

        checkout.advance(Step.PAYMENT);

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.PAYMENT, null));
        assertThat(warnings.list).hasSize(1);
    }

    @Test
    void anAttributeThatIsNotJsonReadsAsTheDefaultsWithAWarning() {
        session.set("x", "y");
        http.session().setAttribute("dev.voltage.session.scope.checkout", 42);

        assertThat(checkout.data()).isEqualTo(new CheckoutState(Step.SHIPPING, null));
        assertThat(warnings.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("holds a java.lang.Integer, not the JSON of");
    }

    @Test
    void deleteRemovesEverySliceAndRegenerateKeepsThem() {
        checkout.advance(Step.REVIEW);
        cart.add("apple", 1);

        session.regenerate();

        assertThat(checkout.step()).isEqualTo(Step.REVIEW);
        assertThat(cart.items()).hasSize(1);

        session.delete();

        assertThat(checkout.step()).isEqualTo(Step.SHIPPING);
        assertThat(cart.items()).isEmpty();
        assertThat(http.session()).isNull();
    }

    @Test
    void concurrentUpdatesOfOneSliceLoseNothing() throws Exception {
        FakeHttpSession shared = new FakeHttpSession();
        Type type = StateTypes.of(CartSession.class);
        int requests = 40;
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String sku = "sku-" + i;
            threads.add(new Thread(() -> {
                RequestThread.begin(new FakeHttpRequest(shared).asRequest());
                new RequestSlices(locks, codec).update("cart", CartSession.class, List::of, (List<CartItem> items) -> {
                    Thread.yield();
                    List<CartItem> next = new java.util.ArrayList<>(items);
                    next.add(new CartItem(sku, 1));
                    return next;
                });
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        List<CartItem> stored = codec.decode(type, (String) shared.getAttribute("dev.voltage.session.scope.cart"));
        assertThat(stored).hasSize(requests).doesNotHaveDuplicates();
    }

    @Test
    void aTaskThatBorrowsTheRequestReadsTheSessionNotWhatTheRequestHoldsInMemory() throws Exception {
        cart.add("a", 1);
        List<CartItem> requestRead = cart.items();
        requestRead.add(new CartItem("changed in place, never written", 9));
        jakarta.servlet.http.HttpServletRequest request = http.asRequest();

        List<CartItem> taskRead = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    RequestThread.lend(request, () -> false);
                    try {
                        return new RequestSlices(locks, codec)
                                .<List<CartItem>>read("cart", CartSession.class, List::of);
                    } finally {
                        RequestThread.end();
                    }
                })
                .get();

        assertThat(taskRead).containsExactly(new CartItem("a", 1)).isNotSameAs(requestRead);
    }

    @Test
    void reloadWithoutAnHttpRequestForgetsNothingAndThrowsNothing() {
        RequestThread.end();

        session.reload();

        assertThat(http.session()).isNull();
    }

    @Test
    void aDeserialisedScopeKeepsItsNameAndDefaults() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new CheckoutSession());
        }
        CheckoutSession copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CheckoutSession) in.readObject();
        }
        ((ScopedSession<?>) copy).slices = new DefaultsOnlyStore();

        assertThat(copy.name()).isEqualTo("checkout");
        assertThat(copy.data()).isEqualTo(new CheckoutState(Step.SHIPPING, null));
    }

    @Test
    void unwritableStateIsRefusedNamingTheScope() {
        assertThatThrownBy(() -> codec.encode("checkout", CheckoutState.class, new Object() {
                    public Object getSelf() {
                        return this;
                    }
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The state of scope 'checkout' (" + CheckoutState.class.getName()
                        + ") cannot be written as JSON:");
    }

    private FakeHttpSession writeRaw(String scope, String json) {
        session.set("present", true);
        http.session().setAttribute(ScopedSession.ATTRIBUTE_PREFIX + scope, json);
        return http.session();
    }

    /** A store with nothing in it. */
    private static final class DefaultsOnlyStore implements SliceStore {
        @Override
        public <T> T read(String name, Class<?> scope, Supplier<? extends T> defaults) {
            return defaults.get();
        }

        @Override
        public <T> void write(String name, Class<?> scope, T state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T update(String name, Class<?> scope, Supplier<? extends T> defaults, UnaryOperator<T> updater) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String name) {
            throw new UnsupportedOperationException();
        }
    }
}
