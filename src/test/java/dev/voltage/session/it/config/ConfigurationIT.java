package dev.voltage.session.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.SetCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each configuration, read from a WAR's microprofile-config.properties, as the client sees its cookie and session. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigurationIT {

    private static final String TEST_PROFILE = "mp.config.profile=test\n";

    @Deployment(name = "defaults", testable = false)
    static WebArchive defaults() {
        return war("config-defaults", TEST_PROFILE);
    }

    @Deployment(name = "production", testable = false)
    static WebArchive production() {
        return war("config-production", "");
    }

    @Deployment(name = "cookie", testable = false)
    static WebArchive cookie() {
        return war(
                "config-cookie",
                TEST_PROFILE
                        + "voltage.session.cookie.name=SID\n"
                        + "voltage.session.cookie.path=/config-cookie\n"
                        + "voltage.session.cookie.max-age=3600\n"
                        + "voltage.session.cookie.http-only=false\n"
                        + "voltage.session.cookie.same-site=strict\n"
                        + "voltage.session.timeout=PT90S\n");
    }

    @Deployment(name = "domain", testable = false)
    static WebArchive domain() {
        return war("config-domain", TEST_PROFILE + "voltage.session.cookie.domain=example.test\n");
    }

    @Deployment(name = "rolling", testable = false)
    static WebArchive rolling() {
        return war(
                "config-rolling",
                TEST_PROFILE
                        + "voltage.session.rolling=true\n"
                        + "voltage.session.cookie.max-age=600\n"
                        + "voltage.session.resave=true\n"
                        + "voltage.session.require-serializable=false\n");
    }

    @Deployment(name = "save-uninitialized", testable = false)
    static WebArchive saveUninitialized() {
        return war("config-save-uninitialized", TEST_PROFILE + "voltage.session.save-uninitialized=true\n");
    }

    @Deployment(name = "produced", testable = false)
    static WebArchive produced() {
        return war("config-produced", TEST_PROFILE + "voltage.session.cookie.name=FROMPROPERTIES\n")
                .addClass(ProducedConfiguration.class);
    }

    @ArquillianResource
    @OperateOnDeployment("defaults")
    URL defaultsUrl;

    @ArquillianResource
    @OperateOnDeployment("production")
    URL productionUrl;

    @ArquillianResource
    @OperateOnDeployment("cookie")
    URL cookieUrl;

    @ArquillianResource
    @OperateOnDeployment("domain")
    URL domainUrl;

    @ArquillianResource
    @OperateOnDeployment("rolling")
    URL rollingUrl;

    @ArquillianResource
    @OperateOnDeployment("save-uninitialized")
    URL saveUninitializedUrl;

    @ArquillianResource
    @OperateOnDeployment("produced")
    URL producedUrl;

    static WebArchive war(String name, String properties) {
        return Deployments.war(name, properties, ConfigResource.class, BindCounter.class, EarlyCommitServlet.class);
    }

    @Test
    void byDefaultTheCookieIsHttpOnlyLaxSessionOnlyAndNotSecureUnderTheTestProfile() {
        HttpResponse<String> created = new Browser(defaultsUrl).post("api/config/create");

        SetCookie cookie = SetCookie.of(created, "JSESSIONID").orElseThrow();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualTo("Lax");
        assertThat(cookie.has("Secure")).isFalse();
        assertThat(cookie.has("Max-Age")).isFalse();
        assertThat(cookie.has("Expires")).isFalse();
        assertThat(cookie.get("Path")).isEqualTo(Server.current().defaultCookiePath("/config-defaults"));
    }

    @Test
    void withoutTheDevOrTestProfileTheCookieIsSecure() {
        HttpResponse<String> created = new Browser(productionUrl).post("api/config/create");

        SetCookie cookie = SetCookie.of(created, "JSESSIONID").orElseThrow();
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualTo("Lax");
    }

    @Test
    void sessionsAreTrackedByCookieOnly() {
        Browser browser = new Browser(defaultsUrl);
        browser.post("api/config/create");

        assertThat(browser.get("api/config/encode-url").body()).isEqualTo("/shop/cart");
    }

    @Test
    void byDefaultAResponseThatDoesNotChangeTheSessionSendsNoCookieAndNothingIsResaved() {
        Browser browser = new Browser(defaultsUrl);
        browser.put("api/config/bind-counter", "");

        HttpResponse<String> untouched = browser.get("api/config/untouched");

        assertThat(untouched.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(browser.get("api/config/bind-counter").body()).isEqualTo("1");
    }

    @Test
    void saveSetsWhatTheRequestReadAgain() {
        Browser browser = new Browser(defaultsUrl);
        browser.put("api/config/bind-counter", "");

        assertThat(browser.post("api/config/bind-counter/save").body()).isEqualTo("2");
    }

    @Test
    void cookiePropertiesShapeTheCookie() {
        Browser browser = new Browser(cookieUrl);

        HttpResponse<String> created = browser.post("api/config/create");

        SetCookie cookie = SetCookie.of(created, "SID").orElseThrow();
        assertThat(SetCookie.of(created, "JSESSIONID")).isEmpty();
        assertThat(cookie.get("Path")).isEqualTo("/config-cookie");
        assertThat(cookie.maxAgeSeconds()).isCloseTo(3600L, within(5L));
        assertThat(cookie.has("HttpOnly")).isFalse();
        assertThat(cookie.get("SameSite")).isEqualTo("Strict");
    }

    @Test
    void timeoutIsExactToTheSecond() {
        Browser browser = new Browser(cookieUrl);
        browser.post("api/config/create");

        assertThat(browser.get("api/config/max-inactive").body()).isEqualTo("90");
    }

    @Test
    void resetMaxAgeSendsAPersistentCookieAgainWithAFreshMaxAge() {
        Browser browser = new Browser(cookieUrl);
        String value = SetCookie.of(browser.post("api/config/create"), "SID")
                .orElseThrow()
                .value();

        assertThat(browser.get("api/config/untouched").headers().allValues("Set-Cookie"))
                .isEmpty();

        HttpResponse<String> reset = browser.post("api/config/reset-max-age");

        SetCookie again = SetCookie.of(reset, "SID").orElseThrow();
        assertThat(again.value()).isEqualTo(value);
        assertThat(again.maxAgeSeconds()).isCloseTo(3600L, within(5L));
        assertThat(again.get("Path")).isEqualTo("/config-cookie");
        assertThat(again.get("SameSite")).isEqualTo("Strict");
    }

    @Test
    void cookieDomainIsSent() {
        HttpResponse<String> created = new Browser(domainUrl).post("api/config/create");

        assertThat(SetCookie.of(created, "JSESSIONID").orElseThrow().get("Domain"))
                .isEqualTo("example.test");
    }

    @Test
    void rollingSendsTheCookieAgainOnEveryResponseOfASession() {
        Browser browser = new Browser(rollingUrl);
        String value = SetCookie.of(browser.post("api/config/create"), "JSESSIONID")
                .orElseThrow()
                .value();

        SetCookie untouched =
                SetCookie.of(browser.get("api/config/untouched"), "JSESSIONID").orElseThrow();
        SetCookie early = SetCookie.of(browser.get("early"), "JSESSIONID").orElseThrow();

        assertThat(untouched.value()).isEqualTo(value);
        assertThat(untouched.maxAgeSeconds()).isCloseTo(600L, within(5L));
        assertThat(early.value()).isEqualTo(value);
        assertThat(early.maxAgeSeconds()).isCloseTo(600L, within(5L));
    }

    @Test
    void rollingSendsNoCookieToAClientWithoutSession() {
        HttpResponse<String> anonymous = new Browser(rollingUrl).get("api/config/untouched");

        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void resaveSetsEveryAttributeAgainAtTheEndOfEachRequest() {
        Browser browser = new Browser(rollingUrl);
        browser.put("api/config/bind-counter", "");
        browser.get("api/config/untouched");
        browser.get("api/config/untouched");

        assertThat(browser.get("api/config/bind-counter").body())
                .as("set, then set again after each of 3 requests")
                .isEqualTo("4");
    }

    @Test
    void withSerializableNotRequiredAnyValueIsStored() {
        HttpResponse<String> stored = new Browser(rollingUrl).put("api/config/unserializable", "");

        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("stored");
    }

    @Test
    void saveUninitializedGivesEveryRequestASessionAndACookie() {
        HttpResponse<String> anonymous = new Browser(saveUninitializedUrl).get("api/config/untouched");

        assertThat(SetCookie.of(anonymous, "JSESSIONID")).isPresent();
    }

    @Test
    void aProducedConfigurationWinsOverProperties() {
        HttpResponse<String> created = new Browser(producedUrl).post("api/config/create");

        assertThat(SetCookie.of(created, "PRODUCED")).isPresent();
        assertThat(SetCookie.of(created, "FROMPROPERTIES")).isEmpty();
    }
}
