package dev.voltage.session.it.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ServerLog;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ScopedSession} subclasses in a JAX-RS application on a real server, as a client with a cookie sees them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScopedSessionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("scopes", Deployments.scopesClasses());
    }

    @ArquillianResource
    URL base;

    @Test
    void checkoutFlowAcrossRequestsOfOneClient() {
        Browser browser = new Browser(base);

        HttpResponse<String> first = browser.get("api/scopes/checkout");
        assertThat(first.body()).isEqualTo("SHIPPING,null");
        assertThat(first.headers().allValues("Set-Cookie"))
                .as("reading creates no session")
                .isEmpty();

        assertThat(browser.post("api/scopes/checkout/advance/PAYMENT").body()).isEqualTo("PAYMENT,null");
        assertThat(browser.put("api/scopes/checkout/address/home", "").body()).isEqualTo("PAYMENT,home");
        assertThat(browser.get("api/scopes/checkout").body()).isEqualTo("PAYMENT,home");
        assertThat(browser.post("api/scopes/checkout/advance/REVIEW").body()).isEqualTo("REVIEW,home");

        assertThat(browser.post("api/scopes/checkout/reset").body()).isEqualTo("SHIPPING,null");
        assertThat(browser.get("api/scopes/checkout").body()).isEqualTo("SHIPPING,null");
    }

    @Test
    void twoClientsNeverSeeEachOthersState() {
        Browser ada = new Browser(base);
        Browser bob = new Browser(base);

        ada.post("api/scopes/checkout/advance/REVIEW");
        bob.post("api/scopes/checkout/advance/PAYMENT");

        assertThat(ada.get("api/scopes/checkout").body()).isEqualTo("REVIEW,null");
        assertThat(bob.get("api/scopes/checkout").body()).isEqualTo("PAYMENT,null");
    }

    @Test
    void stateIsThePlainJsonUnderAKeyThatSessionCannotTouch() {
        Browser browser = new Browser(base);
        browser.post("api/scopes/checkout/advance/PAYMENT");

        assertThat(browser.get("api/scopes/raw/checkout").body()).isEqualTo("{\"step\":\"PAYMENT\"}");

        HttpResponse<String> overwrite = browser.put("api/scopes/session/dev.voltage.session.scope.checkout", "{}");

        assertThat(overwrite.statusCode()).isEqualTo(400);
        assertThat(browser.get("api/scopes/checkout").body()).isEqualTo("PAYMENT,null");
    }

    @Test
    void nestedGenericsMapsAndPojosRoundTrip() {
        Browser browser = new Browser(base);

        browser.post("api/scopes/cart/apple/2");
        browser.post("api/scopes/cart/pear/1");
        browser.post("api/scopes/counters/a");
        browser.post("api/scopes/counters/b");
        browser.post("api/scopes/counters/a");

        assertThat(browser.get("api/scopes/cart").body()).isEqualTo("CartItem:applex2,CartItem:pearx1");
        assertThat(browser.get("api/scopes/counters").body()).isEqualTo("{a=2, b=1}");
        assertThat(browser.get("api/scopes/profile").body()).isEqualTo("guest,en");
        assertThat(browser.post("api/scopes/profile/ada").body()).isEqualTo("ada,en");
        assertThat(browser.get("api/scopes/profile").body()).isEqualTo("ada,en");
    }

    @Test
    void everyCdiScopeOfTheSubclassBehavesTheSame() {
        for (String kind : List.of("application", "request", "session", "dependent")) {
            Browser ada = new Browser(base);
            Browser bob = new Browser(base);

            assertThat(ada.get("api/scopes/notes/" + kind).body()).as(kind).isEmpty();
            ada.post("api/scopes/notes/" + kind + "/one");
            ada.post("api/scopes/notes/" + kind + "/two");
            bob.post("api/scopes/notes/" + kind + "/other");

            assertThat(ada.get("api/scopes/notes/" + kind).body()).as(kind).isEqualTo("one,two");
            assertThat(bob.get("api/scopes/notes/" + kind).body()).as(kind).isEqualTo("other");
        }
    }

    @Test
    void stateIsDecodedOncePerRequestUntilReload() {
        Browser browser = new Browser(base);
        browser.post("api/scopes/checkout/advance/PAYMENT");

        assertThat(browser.get("api/scopes/checkout/read-twice-around-a-raw-write")
                        .body())
                .isEqualTo("PAYMENT,null|PAYMENT,null|REVIEW,null");
    }

    @Test
    void stateOfAnOlderShapeOfTheClassStillLoads() {
        Browser browser = new Browser(base);

        browser.put("api/scopes/raw/checkout", "{\"step\":\"PAYMENT\",\"coupon\":\"SPRING\"}");
        assertThat(browser.get("api/scopes/checkout").body())
                .as("a field removed since")
                .isEqualTo("PAYMENT,null");

        browser.put("api/scopes/raw/checkout", "{\"addressId\":\"home\"}");
        assertThat(browser.get("api/scopes/checkout").body())
                .as("a field added since")
                .isEqualTo("null,home");

        browser.put("api/scopes/raw/checkout", "{\"stage\":\"REVIEW\",\"addressId\":\"home\"}");
        assertThat(browser.get("api/scopes/checkout").body())
                .as("a field renamed since")
                .isEqualTo("null,home");
    }

    @Test
    void stateThatCannotBeDecodedLogsOneWarningAndTheRequestSucceedsWithTheDefaults() {
        String warning = "The state of session scope 'checkout' cannot be read as " + CheckoutState.class.getName();
        Browser browser = new Browser(base);
        browser.put("api/scopes/raw/checkout", "{\"step\":\"FLYING\"}");
        int before = ServerLog.linesContaining(warning).size();

        HttpResponse<String> read = browser.get("api/scopes/checkout");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("SHIPPING,null");
        assertThat(ServerLog.linesContaining(warning))
                .hasSize(before + 1)
                .last()
                .asString()
                .contains("WARN");
        assertThat(browser.post("api/scopes/checkout/advance/REVIEW").body()).isEqualTo("REVIEW,null");
    }

    @Test
    void regenerateKeepsEverySliceAndDeleteClearsThem() {
        Browser browser = new Browser(base);
        browser.post("api/scopes/checkout/advance/REVIEW");
        browser.post("api/scopes/cart/apple/1");
        String oldId = browser.sessionCookie().orElseThrow();

        assertThat(browser.post("api/scopes/session/regenerate").body()).isEqualTo("REVIEW,null|CartItem:applex1");
        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(oldId);
        assertThat(browser.get("api/scopes/checkout").body()).isEqualTo("REVIEW,null");

        assertThat(browser.post("api/scopes/session/delete").body()).isEqualTo("SHIPPING,null|");
        assertThat(browser.get("api/scopes/checkout").body()).isEqualTo("SHIPPING,null");
        assertThat(browser.get("api/scopes/cart").body()).isEmpty();
    }

    @Test
    void twentyConcurrentUpdatesOfOneSliceLeaveTwentyItems() {
        Browser browser = new Browser(base);
        browser.post("api/scopes/cart/first/1");

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(browser.postAsync("api/scopes/cart/item-" + i + "/1"));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

        assertThat(requests).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
        assertThat(browser.get("api/scopes/cart").body().split(",")).hasSize(21).doesNotHaveDuplicates();
    }
}
