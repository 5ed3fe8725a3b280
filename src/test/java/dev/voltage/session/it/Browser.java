package dev.voltage.session.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client that keeps its cookies between requests, as a browser does; one per simulated user.
 */
public final class Browser {

    /** The container's default session cookie name. */
    public static final String SESSION_COOKIE = "JSESSIONID";

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient client;

    /**
     * A new browser with no cookies.
     *
     * @param deployment the deployment's URL, as Arquillian gives it
     */
    public Browser(URL deployment) {
        this(URI.create(deployment.toString()), new CookieManager());
    }

    private Browser(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The same browser, with the same cookies, sending to another server: a load balancer's
     * next pick.
     *
     * @param deployment the other server's deployment URL
     * @return a browser sharing this one's cookies
     */
    public Browser at(URL deployment) {
        return new Browser(URI.create(deployment.toString()), cookies);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> put(String path, String body) {
        return send(request(path)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain")
                .build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String path) {
        return client.sendAsync(
                request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a GET with a session cookie set by hand and without this browser's cookies, as a
     * client that kept an old cookie would.
     */
    public HttpResponse<String> getWithSessionId(String path, String sessionId) {
        HttpClient bare =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return bare.send(
                    request(path)
                            .GET()
                            .header("Cookie", SESSION_COOKIE + "=" + sessionId)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie's value this browser holds now. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The {@code Set-Cookie} headers of a response that set the session cookie. */
    public static List<String> sessionSetCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(SESSION_COOKIE + "="))
                .toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
