package dev.voltage.session.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo shop as a newcomer meets it: started with the README's command, driven in headless
 * Chromium through the cart, the checkout, login and logout.
 */
class DemoShopE2E {

    private static final String URL = "http://127.0.0.1:8080/shop/";
    private static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    private static final Path MAVEN_LOG = ROOT.resolve("target/demo-e2e-maven.log");
    private static final Path SERVER_LOG = ROOT.resolve("demo/shop/target/wildfly/standalone/log/server.log");
    private static final Path SCREENSHOT = ROOT.resolve("target/demo-shop.png");

    private static Process demo;
    private static List<ProcessHandle> demoProcesses = List.of();
    private static WebDriver browser;

    @BeforeAll
    static void startTheDemoAsTheReadmeSays() throws Exception {
        for (String tool : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), as .ci/run does.");
            }
        }
        assertPortFree(8080);
        Files.createDirectories(MAVEN_LOG.getParent());
        // setsid: a process group of its own, so that stopping it is the terminal's Ctrl+C and nothing else
        demo = new ProcessBuilder(
                        "setsid",
                        System.getProperty("maven.executable", "mvn"),
                        "-B",
                        "-f",
                        "demo/pom.xml",
                        "-Dmaven.test.skip=true",
                        "-Prun",
                        "package")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(MAVEN_LOG.toFile())
                .start();
        awaitDemo(Duration.ofMinutes(6));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1200,900",
                        "--user-data-dir=" + Files.createTempDirectory("demo-chromium"));
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopTheDemoAsCtrlCDoes() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (demo == null) {
            return;
        }
        demoProcesses = demo.descendants().toList();
        new ProcessBuilder("kill", "-INT", "--", "-" + demo.pid())
                .inheritIO()
                .start()
                .waitFor();
        boolean stopped = demo.waitFor(90, TimeUnit.SECONDS);
        for (ProcessHandle process : demoProcesses) {
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                // reported below
            }
        }
        List<ProcessHandle> left =
                demoProcesses.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        assertThat(stopped).as("Ctrl+C ends the demo command").isTrue();
        assertThat(left).as("Ctrl+C leaves no server running").isEmpty();
    }

    @Test
    void aNewcomerShopsChecksOutLogsInAndLogsOut() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(URL);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(text("log-id")).startsWith("none yet");
        assertThat(browser.manage().getCookieNamed("JSESSIONID"))
                .as("looking creates no session")
                .isNull();

        click("add-lamp");
        wait.until(d -> cartLines().size() == 1);
        click("add-mug");
        wait.until(d -> cartLines().size() == 2);
        click("add-lamp");
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".cart-line[data-sku=lamp]"))
                        .getText()
                        .contains("× 2"));

        click("next-step");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-step", "PAYMENT"));
        click("next-step");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-step", "REVIEW"));

        String guestCookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        String guestLogId = text("log-id");
        assertThat(guestLogId).matches("[0-9a-f]{16}");

        browser.findElement(By.id("name")).sendKeys("ada");
        click("login");
        wait.until(ExpectedConditions.textToBe(By.id("user"), "Logged in as ada."));

        String userCookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        String userLogId = text("log-id");
        assertThat(userCookie).as("login regenerates the session id").isNotEqualTo(guestCookie);
        assertThat(userLogId).matches("[0-9a-f]{16}").isNotEqualTo(guestLogId);
        assertThat(cartLines()).as("the cart survives login").hasSize(2);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-step"))
                .isEqualTo("REVIEW");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(SERVER_LOG)).contains("sessionId=" + userLogId + " ada logged in");

        click("logout");
        wait.until(ExpectedConditions.textToBe(By.id("user"), "Browsing as a guest."));

        assertThat(cartLines()).as("logout ends the session and its cart").isEmpty();
        assertThat(browser.findElement(By.id("empty")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-step"))
                .isEqualTo("SHIPPING");
        assertThat(text("log-id")).startsWith("none yet");
    }

    @Test
    void aUserSeesTheSessionOfTheirOtherBrowserAndEndsIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(URL);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        browser.findElement(By.id("name")).sendKeys("lin");
        click("login");
        wait.until(ExpectedConditions.textToBe(By.id("user"), "Logged in as lin."));
        HttpClient phone = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        assertThat(phone.send(login("name=lin", null), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        String phoneLogId = phone.send(
                        HttpRequest.newBuilder(URI.create(URL + "api/session")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replaceFirst(".*\"logId\":\"([0-9a-f]+)\".*", "$1");

        browser.navigate().refresh();
        wait.until(d -> browser.findElements(By.className("device")).size() == 2);
        click("end-" + phoneLogId);

        wait.until(d -> browser.findElements(By.className("device")).size() == 1);
        assertThat(phone.send(
                                HttpRequest.newBuilder(URI.create(URL + "api/session"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .as("the other browser is logged out")
                .doesNotContain("\"logId\"")
                .doesNotContain("\"user\"");
        assertThat(text("user")).isEqualTo("Logged in as lin.");

        click("end-all");
        wait.until(ExpectedConditions.textToBe(By.id("user"), "Browsing as a guest."));
    }

    @Test
    void aPageOfAnotherSiteCannotLogAVisitorInNorForgeLogLines() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> crossSite =
                client.send(login("name=mallory", "http://evil.example"), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode())
                .as("a login POST from another site's page")
                .isEqualTo(403);
        assertThat(crossSite.headers().allValues("Set-Cookie"))
                .as("no session for it")
                .isEmpty();

        HttpResponse<String> forged = client.send(
                login("name=eve%0D%0A12:00:00 INFO admin logged in", null), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a name with CR/LF").isEqualTo(400);
        assertThat(Files.readString(SERVER_LOG)).doesNotContain("mallory").doesNotContain("admin logged in");

        HttpResponse<String> sameSite =
                client.send(login("name=grace", "http://127.0.0.1:8080"), HttpResponse.BodyHandlers.ofString());
        assertThat(sameSite.statusCode())
                .as("a login POST from the shop's own page")
                .isEqualTo(200);
    }

    private static HttpRequest login(String form, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + "api/account/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.build();
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<?> cartLines() {
        return browser.findElements(By.className("cart-line"));
    }

    private static void assertPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            fail("Port " + port + " is taken, so the demo cannot start: stop the server that holds it.");
        }
    }

    private static void awaitDemo(Duration timeout) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(URL + "api/session"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                fail("The demo command ended with " + demo.exitValue() + " before the shop answered; see " + MAVEN_LOG);
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // the server is still starting
            }
            Thread.sleep(1000);
        }
        fail("The shop did not answer at " + URL + " within " + timeout + "; see " + MAVEN_LOG);
    }
}
