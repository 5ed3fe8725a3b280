package dev.voltage.session.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** A frame of WildFly's own session lookup, as its error page and log show it. */
    private static final String WILDFLY_SESSION_LOOKUP = "ControlPointDeploymentInfoConfigurator";

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
     * Tells whether a response failed inside the container before any code of the WAR ran, in a
     * race the container loses: on WildFly 39, a request that arrives while another request of its
     * session invalidates it can fail in WildFly's own session lookup
     * ({@code ControlPointDeploymentInfoConfigurator$CompletableSession} reads the ended session's
     * timeout from Weld's {@code requestInitialized}) with Undertow's {@code UT000010}, a 500.
     * No library code is on that path; it is WildFly's to fix.
     *
     * @param status the response's status
     * @param body the response's body (WildFly's error page shows the stack)
     * @return {@code true} for that container failure
     */
    public boolean failedInContainerSessionLookup(int status, String body) {
        return this == WILDFLY && status == 500 && body.contains(WILDFLY_SESSION_LOOKUP);
    }

    /**
     * Leaves out of a server log's lines the entries of {@link #failedInContainerSessionLookup}
     * failures, each with its stack: the container logs them, with the session's raw id.
     *
     * @param lines the log's lines
     * @return the other lines
     */
    public List<String> withoutContainerSessionLookupFailures(List<String> lines) {
        if (this != WILDFLY) {
            return lines;
        }
        List<String> kept = new ArrayList<>();
        Set<String> failedThreads = new HashSet<>();
        boolean skipping = false;
        for (String line : lines) {
            boolean entry = LOG_ENTRY.matcher(line).lookingAt();
            if (entry) {
                String thread = threadOf(line);
                if (line.contains("UT015005") && line.contains("WeldInitialListener") && line.contains("UT000010")) {
                    failedThreads.add(thread);
                    skipping = true;
                    continue;
                }
                if (line.contains("UT005023") && line.contains("UT000010") && failedThreads.remove(thread)) {
                    skipping = true;
                    continue;
                }
                skipping = false;
            }
            if (!skipping) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String threadOf(String line) {
        int open = line.indexOf('(');
        int close = line.indexOf(')', open + 1);
        return open < 0 || close < 0 ? "" : line.substring(open, close + 1);
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
