package dev.voltage.session.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The server the container tests run on (the build sets {@code -Dvoltage.server}), and the one
 * place that knows how servers differ for a test.
 */
public enum Server {

    /** WildFly: SLF4J bound to its log manager for every deployment; its formatter prints the MDC. */
    WILDFLY,
    /** Payara: no SLF4J binding for applications; the WAR brings logback. */
    PAYARA,
    /** GlassFish: no SLF4J binding for applications; the WAR brings logback. */
    GLASSFISH,
    /**
     * Open Liberty: no SLF4J binding for applications (the WAR brings logback); the session cookie's
     * path is {@code /} unless configured; a failed start is reported to Arquillian only as a
     * timeout, its reason is in {@code messages.log}.
     */
    LIBERTY;

    /** Undertow's message for a session used after it was invalidated. */
    private static final String INVALID_SESSION = "UT000010";

    /** Open Liberty's message for a session used after it was invalidated. */
    private static final String LIBERTY_INVALID_SESSION = "called on an invalidated session";

    /** Weld's request listener, where Open Liberty's CDI reads the session as a request starts. */
    private static final String WELD_REQUEST_START = "HttpContextLifecycle.requestInitialized";

    /** Frames of the library and of the tests' applications. */
    private static final String OUR_PACKAGE = "dev.voltage.session";

    /** The start of a log entry (a time stamp), as opposed to a line of its stack. */
    private static final Pattern LOG_ENTRY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}:\\d{2}");

    /**
     * @return the server of this test run
     */
    public static Server current() {
        return valueOf(System.getProperty("voltage.server", "wildfly").toUpperCase(Locale.ROOT));
    }

    /**
     * Adds what a user's WAR needs on this server and the library does not bring itself.
     *
     * @param war the test WAR
     * @return the same WAR
     */
    public WebArchive complete(WebArchive war) {
        if (this == WILDFLY) {
            return war;
        }
        return war.addAsLibraries(
                        jarOf(org.slf4j.Logger.class),
                        jarOf(ch.qos.logback.classic.Logger.class),
                        jarOf(ch.qos.logback.core.Appender.class))
                .addAsResource(new StringAsset(logbackXml()), "logback.xml");
    }

    /**
     * The path the container gives the session cookie when {@code voltage.session.cookie.path} is
     * not set.
     *
     * @param contextPath the deployment's context path
     * @return that path
     */
    public String defaultCookiePath(String contextPath) {
        return this == LIBERTY ? "/" : contextPath;
    }

    /**
     * Tells whether a response failed inside the container, with no code of the WAR or of the
     * library on the stack, because another request of its session invalidated it meanwhile. WildFly
     * 39 loses such races in its own code (its session lookup, {@code
     * ControlPointDeploymentInfoConfigurator$CompletableSession}, and Elytron restoring the identity
     * from the session) with Undertow's {@code UT000010}, a 500; Open Liberty's CDI (Weld) reads the
     * session in its own request listener, before any listener or filter of the WAR, and fails with
     * "called on an invalidated session". The library cannot reach that code.
     *
     * @param status the response's status
     * @param body the response's body (WildFly's error page shows the stack)
     * @return {@code true} for that container failure
     */
    public boolean failedInContainerSessionLookup(int status, String body) {
        if (status != 500 || body.contains(OUR_PACKAGE)) {
            return false;
        }
        return switch (this) {
            case WILDFLY -> body.contains(INVALID_SESSION);
            case LIBERTY -> body.contains(LIBERTY_INVALID_SESSION) && body.contains(WELD_REQUEST_START);
            default -> false;
        };
    }

    /**
     * Leaves out of a server log's lines the entries of {@link #failedInContainerSessionLookup}
     * failures, each with its stack: the container logs them, with the session's raw id. An entry
     * with any frame of {@code dev.voltage.session} stays.
     *
     * @param lines the log's lines
     * @return the other lines
     */
    public List<String> withoutContainerSessionLookupFailures(List<String> lines) {
        if (this != WILDFLY) {
            return lines;
        }
        List<String> kept = new ArrayList<>();
        List<String> entry = new ArrayList<>();
        for (String line : lines) {
            if (LOG_ENTRY.matcher(line).lookingAt()) {
                keepUnlessContainerRace(entry, kept);
                entry.clear();
            }
            entry.add(line);
        }
        keepUnlessContainerRace(entry, kept);
        return kept;
    }

    private static void keepUnlessContainerRace(List<String> entry, List<String> kept) {
        boolean containerRace = !entry.isEmpty()
                && entry.get(0).contains(INVALID_SESSION)
                && entry.stream().noneMatch(line -> line.contains(OUR_PACKAGE));
        if (!containerRace) {
            kept.addAll(entry);
        }
    }

    /**
     * Deploys an archive that must fail, and returns everything the failure told: the messages of
     * the exception Arquillian got and, where the server reports the reason only in its own log
     * (Open Liberty), what that log gained meanwhile.
     *
     * @param deployer Arquillian's deployer
     * @param deployment the name of the deployment that must fail
     * @return the text to look for the reason in; {@code null} when the deployment did not fail
     */
    public String failureOf(Deployer deployer, String deployment) {
        long logBefore = ownLogLength();
        try {
            deployer.deploy(deployment);
            return null;
        } catch (Exception failure) { // the deployer rethrows checked DeploymentExceptions undeclared
            StringBuilder report = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                report.append(t.getMessage()).append('\n');
            }
            return report.append(ownLogSince(logBefore)).toString();
        }
    }

    private long ownLogLength() {
        Path log = ownLog();
        try {
            return log != null && Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ownLogSince(long offset) {
        Path log = ownLog();
        if (log == null) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log the server itself writes (not the one the test WARs' logback writes): where it reports
     * what an application left behind at undeploy.
     *
     * @return the path of that log file
     */
    public Path containerLog() {
        Path target = Path.of(System.getProperty("voltage.jar")).getParent();
        return switch (this) {
            case WILDFLY -> Path.of(System.getProperty("server.log"));
            case PAYARA -> target.resolve("payara6/glassfish/domains/domain1/logs/server.log");
            case GLASSFISH -> target.resolve("glassfish7/glassfish/domains/domain1/logs/server.log");
            case LIBERTY -> Path.of(System.getProperty("liberty.messages"));
        };
    }

    private Path ownLog() {
        return this == LIBERTY ? Path.of(System.getProperty("liberty.messages")) : null;
    }

    /** Logback writing, with the MDC's sessionId, to the file the tests read as the server's log. */
    private static String logbackXml() {
        return """
                <configuration>
                    <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                        <file>%s</file>
                        <encoder>
                            <pattern>%%d{HH:mm:ss.SSS} %%-5level [%%logger] [%%thread] sessionId=%%X{sessionId} %%msg%%n</pattern>
                        </encoder>
                    </appender>
                    <root level="INFO">
                        <appender-ref ref="FILE"/>
                    </root>
                </configuration>
                """.formatted(new File(System.getProperty("server.log")).getAbsolutePath());
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
