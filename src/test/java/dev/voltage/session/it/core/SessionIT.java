package dev.voltage.session.it.core;

import static dev.voltage.session.it.Browser.sessionSetCookies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code Session} in a JAX-RS resource on a real server, as a client with a cookie sees it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("core", SessionResource.class, ActivatedContextReader.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void anonymousReadGetsNoSessionAndNoCookie() {
        Browser anonymous = new Browser(base);

        HttpResponse<String> read = anonymous.get("api/session/value/cart");
        HttpResponse<String> keys = anonymous.get("api/session/keys");
        HttpResponse<String> facts = anonymous.get("api/session/facts");

        assertThat(read.body()).isEqualTo("null");
        assertThat(keys.body()).isEmpty();
        assertThat(facts.body()).isEqualTo("exists=false");
        for (HttpResponse<String> response : List.of(read, keys, facts)) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(anonymous.sessionCookie()).isEmpty();
    }

    @Test
    void verbsWithoutSessionDoNothingAndSendNoCookie() {
        Browser anonymous = new Browser(base);

        for (String verb : List.of("delete", "regenerate", "reset-max-age", "touch", "reload")) {
            HttpResponse<String> response = anonymous.post("api/session/" + verb);

            assertThat(response.statusCode()).as(verb).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(verb).isEmpty();
        }
        assertThat(anonymous.get("api/session/facts").body()).isEqualTo("exists=false");
    }

    @Test
    void valuesPersistAcrossRequestsOfOneClient() {
        Browser browser = new Browser(base);

        HttpResponse<String> write = browser.put("api/session/value/name", "ada");

        assertThat(sessionSetCookies(write)).hasSize(1);
        assertThat(browser.get("api/session/value/name").body()).isEqualTo("ada");
        // containers may keep attributes of their own in the session (GlassFish's Weld: WELD_S_HASH)
        assertThat(browser.get("api/session/keys").body().split(",")).contains("name");

        browser.delete("api/session/value/name");

        assertThat(browser.get("api/session/value/name").body()).isEqualTo("null");
    }

    @Test
    void twoClientsNeverSeeEachOthersValues() {
        Browser ada = new Browser(base);
        Browser bob = new Browser(base);

        ada.put("api/session/value/name", "ada");
        bob.put("api/session/value/name", "bob");

        assertThat(ada.get("api/session/value/name").body()).isEqualTo("ada");
        assertThat(bob.get("api/session/value/name").body()).isEqualTo("bob");
    }

    @Test
    void sessionIsNewOnlyUntilTheClientSendsItsCookieBack() throws InterruptedException {
        Browser browser = new Browser(base);
        browser.put("api/session/value/name", "ada");
        String id = facts(browser.get("api/session/facts")).get("id");

        // Payara and GlassFish clear "new" when the creating request's processing ends, which can
        // come a moment after its response reached a fast client: ask again for up to a second.
        Map<String, String> facts = facts(browser.get("api/session/facts"));
        for (int i = 0; i < 10 && "true".equals(facts.get("new")); i++) {
            Thread.sleep(100);
            facts = facts(browser.get("api/session/facts"));
        }

        assertThat(facts).containsEntry("new", "false").containsEntry("id", id);
    }

    @Test
    void unserializableValueIsRefusedNamingKeyAndClassAndTheOldValueStays() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/cart", "old");

        HttpResponse<String> refused = browser.put("api/session/unserializable/cart", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .isEqualTo("The value for session key 'cart' is a "
                        + SessionResource.Unserializable.class.getName()
                        + ", which is not Serializable; session values must "
                        + "survive a restart and a fail-over. Make " + SessionResource.Unserializable.class.getName()
                        + " implement java.io.Serializable, or set voltage.session.require-serializable=false.");
        assertThat(browser.get("api/session/value/cart").body()).isEqualTo("old");
    }

    @Test
    void unserializableValueOfAnAnonymousClientCreatesNoSession() {
        Browser anonymous = new Browser(base);

        HttpResponse<String> refused = anonymous.put("api/session/unserializable/cart", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void blankAndReservedKeysAreRefusedNamingTheKey() {
        Browser browser = new Browser(base);

        HttpResponse<String> blank = browser.put("api/session/value/%20", "x");
        HttpResponse<String> reserved = browser.put("api/session/value/dev.voltage.session.scope.checkout", "{}");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).startsWith("A session key must not be null or blank, but was ' '");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body())
                .startsWith("The session key 'dev.voltage.session.scope.checkout' starts with "
                        + "'dev.voltage.session.', which voltage-session reserves");
        assertThat(browser.sessionCookie()).isEmpty();
    }

    @Test
    void findOfAnotherTypeNamesKeyStoredTypeAndAskedType() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/count", "three");

        assertThat(browser.get("api/session/count/count").body())
                .isEqualTo("The session value for key 'count' is a java.lang.String, not the asked java.lang.Integer.");
    }

    @Test
    void deleteEndsTheSessionAndClearsTheCookie() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/cart", "apple");
        String oldId = browser.sessionCookie().orElseThrow();

        HttpResponse<String> deleted = browser.post("api/session/delete");

        assertThat(deleted.body()).isEqualTo("exists=false");
        assertThat(sessionSetCookies(deleted)).anySatisfy(SessionIT::assertClearsCookie);
        assertThat(browser.getWithSessionId("api/session/value/cart", oldId).body())
                .isEqualTo("null");
        assertThat(browser.get("api/session/value/cart").body()).isEqualTo("null");
        assertThat(browser.get("api/session/facts").body()).isEqualTo("exists=false");
    }

    @Test
    void writeAfterDeleteInTheSameRequestStartsANewSession() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/cart", "apple");
        String oldId = browser.sessionCookie().orElseThrow();

        HttpResponse<String> response = browser.post("api/session/delete-then-write");

        assertThat(response.body()).isEqualTo("cart=null;exists=false|after");
        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(oldId);
        assertThat(browser.get("api/session/value/after").body()).isEqualTo("new");
        assertThat(browser.get("api/session/value/cart").body()).isEqualTo("null");
    }

    @Test
    void regenerateChangesTheCookiesIdKeepsTheDataAndRetiresTheOldId() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/user", "ada");
        String oldId = browser.sessionCookie().orElseThrow();

        HttpResponse<String> regenerated = browser.post("api/session/regenerate");

        assertThat(sessionSetCookies(regenerated)).hasSize(1);
        String newId = browser.sessionCookie().orElseThrow();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(newId)
                .as("the cookie carries the new id (containers may add a prefix or a route)")
                .contains(regenerated.body());
        assertThat(browser.get("api/session/value/user").body()).isEqualTo("ada");
        assertThat(browser.getWithSessionId("api/session/value/user", newId).body())
                .isEqualTo("ada");
        assertThat(browser.getWithSessionId("api/session/value/user", oldId).body())
                .isEqualTo("null");
    }

    @Test
    void resetMaxAgeRestoresTheContainersTimeout() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/user", "ada");
        browser.put("api/session/raw/max-inactive/60", "");

        assertThat(facts(browser.get("api/session/facts"))).containsEntry("maxInactive", "60");

        browser.post("api/session/reset-max-age");

        assertThat(facts(browser.get("api/session/facts"))).containsEntry("maxInactive", "1800");
    }

    @Test
    void touchMakesTheContainerReportTheTouchAsTheLastAccess() throws InterruptedException {
        Browser browser = new Browser(base);
        browser.put("api/session/value/user", "ada");
        long created = Long.parseLong(facts(browser.get("api/session/facts")).get("createdAt"));
        Thread.sleep(1100);

        long touchedAt = System.currentTimeMillis();
        browser.post("api/session/touch");
        // Containers record an access when the request's processing ends, which can come a moment
        // after its response reached a fast client: ask again for up to a second.
        long lastAccess = Long.parseLong(facts(browser.get("api/session/facts")).get("lastAccessedAt"));
        for (int i = 0; i < 10 && lastAccess <= created + 1000; i++) {
            Thread.sleep(100);
            lastAccess = Long.parseLong(facts(browser.get("api/session/facts")).get("lastAccessedAt"));
        }

        assertThat(lastAccess).isGreaterThan(created + 1000).isGreaterThanOrEqualTo(touchedAt - 50);
    }

    @Test
    void twentyConcurrentUpdatesOfOneCartLeaveTwentyItems() {
        Browser browser = new Browser(base);
        browser.put("api/session/value/user", "ada");

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(browser.postAsync("api/session/cart/item-" + i + "?dwell=25"));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

        assertThat(requests).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
        List<String> cart = Arrays.asList(browser.get("api/session/cart").body().split(","));
        assertThat(cart).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void sessionInvalidatedByOtherCodeReadsAsNoSessionWithoutIllegalStateException() {
        Browser browser = new Browser(base);
        browser.post("api/session/cart/apple");

        HttpResponse<String> response = browser.post("api/session/raw/invalidate-then-use");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("cart=null;keys=;exists=false");
    }

    @Test
    void onAThreadOfItsOwnSessionFailsWithContextNotActiveException() {
        Browser browser = new Browser(base);

        assertThat(browser.get("api/session/from-own-thread").body()).startsWith("ContextNotActiveException: ");
    }

    @Test
    void inARequestContextWithoutHttpRequestSessionSaysItNeedsAnHttpRequest() {
        Browser browser = new Browser(base);

        assertThat(browser.get("api/session/from-activated-request-context").body())
                .startsWith("ContextNotActiveException: Session needs an HTTP request, "
                        + "and this thread is not serving one.");
    }

    private static void assertClearsCookie(String setCookie) {
        assertThat(HttpCookie.parse(setCookie).get(0).hasExpired())
                .as("Set-Cookie clears the session cookie: " + setCookie)
                .isTrue();
    }

    private static Map<String, String> facts(HttpResponse<String> response) {
        Map<String, String> facts = new HashMap<>();
        for (String pair : response.body().split(";")) {
            String[] kv = pair.split("=", 2);
            facts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return facts;
    }
}
