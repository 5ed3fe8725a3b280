package dev.voltage.session.it.cookies;

import static dev.voltage.session.it.Browser.SESSION_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.ServerLog;
import dev.voltage.session.it.SetCookie;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session cookie against hostile and careless input, as a client sees it: several cookies of
 * the session's name, malformed values, ids in the URL, ids the client made up, and an
 * application that sets cookies of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookiesIT {

    /** A stale id, as a cookie at a longer path or from a sibling domain carries it. */
    private static final String STALE = "STALE0123456789ABCDEF0123456789AB";

    /** An id the client made up, in the shape of a real one. */
    private static final String CHOSEN = "C0FFEE0123456789ABCDEF0123456789";

    @Deployment(name = "cookies", testable = false)
    static WebArchive cookies() {
        return Deployments.war("cookies", CookieResource.class, AppCookieServlet.class);
    }

    /** Rolling, a persistent cookie, and Payara's and GlassFish's adoption of a requested id switched on. */
    @Deployment(name = "rolling", testable = false)
    static WebArchive rolling() {
        return Deployments.war(
                        "cookies-rolling",
                        "mp.config.profile=test\n"
                                + "voltage.session.rolling=true\n"
                                + "voltage.session.cookie.max-age=600\n",
                        CookieResource.class,
                        AppCookieServlet.class)
                .addAsWebInfResource(new StringAsset("""
                        <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN" "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
                        <glassfish-web-app>
                            <property name="reuseSessionID" value="true"/>
                        </glassfish-web-app>
                        """), "glassfish-web.xml");
    }

    @ArquillianResource
    @OperateOnDeployment("cookies")
    URL cookiesUrl;

    @ArquillianResource
    @OperateOnDeployment("rolling")
    URL rollingUrl;

    // several cookies of the session's name

    @Test
    void withAStaleCookieBeforeTheValidOneRollingResendsTheSessionTheRequestRead() {
        String valid = login(rollingUrl);

        RawHttp.Reply reply = RawHttp.send(rollingUrl, "GET", "api/cookies/seen", staleThen(valid));

        assertThat(reply.status()).isEqualTo(200);
        assertEverySessionCookieNames(reply, reply.body());
    }

    @Test
    void withAStaleCookieBeforeTheValidOneResetMaxAgeResendsTheSessionTheRequestRead() {
        String valid = login(rollingUrl);

        RawHttp.Reply reply = RawHttp.send(rollingUrl, "POST", "api/cookies/reset-max-age", staleThen(valid));

        assertThat(reply.status()).isEqualTo(200);
        assertEverySessionCookieNames(reply, reply.body());
    }

    @Test
    void withAStaleCookieBeforeTheValidOneDeleteSendsNoStaleId() {
        String valid = login(rollingUrl);

        RawHttp.Reply reply = RawHttp.send(rollingUrl, "POST", "api/cookies/logout", staleThen(valid));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.cookieValues(SESSION_COOKIE)).noneMatch(value -> value.contains(STALE));
        if (reply.body().equals("deleted")) { // the container resolved the valid cookie (WildFly takes the first)
            assertThat(RawHttp.send(rollingUrl, "GET", "api/cookies/user", SESSION_COOKIE + "=" + valid)
                            .body())
                    .isEqualTo("none");
        }
    }

    // malformed values

    @Test
    void oversizedMalformedAndNonAsciiCookieValuesReadAsNoSession() {
        login(rollingUrl); // the server has a live session: none of these names it
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("oversized", "MARKER1" + "A".repeat(3000));
        cases.put("quoted", "\"MARKER2-not-an-id\"");
        cases.put("non-ASCII", "MARKER3-\u00c3\u00a9\u00e2\u0082\u00ac"); // the UTF-8 bytes of "é€"
        cases.put("separators", "MARKER4,==;;\\x");
        cases.put("empty", "");

        cases.forEach((kind, value) -> {
            RawHttp.Reply reply = RawHttp.send(rollingUrl, "GET", "api/cookies/user", SESSION_COOKIE + "=" + value);

            if (!(kind.equals("non-ASCII") && Server.current() == Server.WILDFLY)) {
                // Undertow's cookie parser throws (UT000173) in Weld's request listener, before any code of the
                // library or the application runs: WildFly answers 500 to such a request whatever the WAR holds.
                assertThat(reply.status()).as(kind).isNotEqualTo(500);
            }
            if (reply.status() == 200) {
                assertThat(reply.body()).as(kind).isEqualTo("none");
            }
            assertThat(reply.setCookies()).as(kind).noneMatch(header -> header.contains("MARKER"));
        });
        assertThat(ServerLog.linesContaining("MARKER")).isEmpty();
    }

    // ids in the URL

    @Test
    void aSessionIdInThePathJoinsNoSession() {
        String victim = login(cookiesUrl);

        RawHttp.Reply reply = RawHttp.send(cookiesUrl, "GET", "api/cookies/user;jsessionid=" + victim, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("none");
    }

    @Test
    void aSessionIdInTheQueryJoinsNoSession() {
        String victim = login(cookiesUrl);

        RawHttp.Reply reply = RawHttp.send(cookiesUrl, "GET", "api/cookies/user?jsessionid=" + victim, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("none");
    }

    @Test
    void aWriteWithASessionIdInThePathStartsANewSessionWithANewId() {
        Browser victim = new Browser(cookiesUrl);
        victim.post("api/cookies/login");
        String id = victim.sessionCookie().orElseThrow();

        RawHttp.Reply reply =
                RawHttp.send(cookiesUrl, "POST", "api/cookies/login;jsessionid=" + id + "?name=mallory", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.cookieValues(SESSION_COOKIE)).hasSize(1).noneMatch(value -> value.contains(id));
        String follower = reply.cookieValues(SESSION_COOKIE).get(0);
        assertThat(RawHttp.send(cookiesUrl, "GET", "api/cookies/user", SESSION_COOKIE + "=" + follower)
                        .body())
                .isEqualTo("mallory");
        assertThat(victim.get("api/cookies/user").body()).isNotEqualTo("mallory");
    }

    // ids the client chose

    @Test
    void anIdChosenByTheClientNeverBecomesTheIdOfANewSession() {
        for (URL deployment : new URL[] {cookiesUrl, rollingUrl}) {
            RawHttp.Reply reply = RawHttp.send(deployment, "POST", "api/cookies/login", SESSION_COOKIE + "=" + CHOSEN);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).as(deployment.getPath()).doesNotContain(CHOSEN);
            assertThat(reply.cookieValues(SESSION_COOKIE))
                    .as(deployment.getPath())
                    .isNotEmpty()
                    .noneMatch(value -> value.contains(CHOSEN));
        }
    }

    // the application's own cookies

    @Test
    void aJaxRsNewCookieKeepsTheSessionCookie() {
        Browser browser = new Browser(cookiesUrl);

        HttpResponse<String> created = browser.post("api/cookies/login-with-cookie");

        assertThat(SetCookie.of(created, "theme")).isPresent();
        assertThat(SetCookie.of(created, SESSION_COOKIE)).isPresent();
        assertThat(browser.get("api/cookies/user").body()).isEqualTo("ada");
    }

    @Test
    void addCookieKeepsTheSessionCookie() {
        assertAppCookiesKeepTheSessionCookie("app-cookie");
    }

    @Test
    void aRawSetCookieHeaderKeepsTheSessionCookie() {
        assertAppCookiesKeepTheSessionCookie("app-cookie?how=header");
    }

    private void assertAppCookiesKeepTheSessionCookie(String path) {
        Browser browser = new Browser(cookiesUrl);

        HttpResponse<String> created = browser.post(path);

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(SetCookie.of(created, "theme")).isPresent();
        assertThat(SetCookie.of(created, "lang")).isPresent();
        assertThat(SetCookie.of(created, SESSION_COOKIE)).isPresent();
        assertThat(browser.get("api/cookies/user").body()).isEqualTo("ada");
    }

    /** Logs a new client in and returns its session cookie's value. */
    private static String login(URL deployment) {
        RawHttp.Reply reply = RawHttp.send(deployment, "POST", "api/cookies/login", null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.cookieValues(SESSION_COOKIE).get(0);
    }

    private static String staleThen(String valid) {
        return SESSION_COOKIE + "=" + STALE + "; " + SESSION_COOKIE + "=" + valid;
    }

    /** Every session cookie of the reply names the session the request read (a route suffix aside). */
    private static void assertEverySessionCookieNames(RawHttp.Reply reply, String sessionId) {
        if (!sessionId.equals("none")) {
            assertThat(reply.cookieValues(SESSION_COOKIE))
                    .as("rolling resends the cookie")
                    .isNotEmpty();
        }
        assertThat(reply.cookieValues(SESSION_COOKIE)).allSatisfy(value -> {
            assertThat(value).doesNotContain(STALE);
            assertThat(value).contains(sessionId);
        });
    }
}
