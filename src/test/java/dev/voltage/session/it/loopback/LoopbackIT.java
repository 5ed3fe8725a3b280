package dev.voltage.session.it.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ListeningSockets;
import dev.voltage.session.it.ListeningSockets.Socket;
import dev.voltage.session.it.Server;
import dev.voltage.session.it.core.ActivatedContextReader;
import dev.voltage.session.it.core.SessionResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test server opens no port beyond this machine: every socket its processes listen on, once
 * it serves an application with a session, is bound to 127.0.0.1 or ::1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoopbackIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("loopback", SessionResource.class, ActivatedContextReader.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void everyPortTheServerListensOnIsBoundToLoopback() {
        Browser browser = new Browser(base);
        assertThat(browser.put("api/session/value/probe", "here").statusCode()).isLessThan(300);
        assertThat(browser.get("api/session/value/probe").body()).isEqualTo("here");

        String home = System.getProperty("voltage.server.home");
        List<Socket> sockets = ListeningSockets.ofProcessesNaming(home);
        sockets.forEach(socket -> System.out.println("listening: " + socket));

        assertThat(sockets)
                .as("the server's listening sockets (processes naming %s)", home)
                .anyMatch(socket -> socket.protocol().equals("tcp") && socket.port() == base.getPort());
        Set<Integer> localOnly = localOnlyPorts(home);
        assertThat(sockets.stream()
                        .filter(socket -> !socket.loopback() && !localOnly.contains(socket.port()))
                        .toList())
                .as("ports the server opened beyond loopback; bind them to 127.0.0.1 in its set-up (pom.xml)")
                .isEmpty();
    }

    /**
     * The ports bound to every interface that nonetheless serve this machine only. One: Open
     * Liberty's local JMX connector (feature {@code localConnector-1.0}, through which Arquillian
     * deploys) is the JDK's local management agent, whose RMI server socket is bound to every
     * interface and closes at once every connection from another machine
     * ({@code LocalRMIServerSocketFactory}); no option binds it to loopback. Its port is the one
     * in the connector's address, which Liberty publishes for Arquillian.
     */
    private static Set<Integer> localOnlyPorts(String home) {
        if (Server.current() != Server.LIBERTY) {
            return Set.of();
        }
        Path published = Path.of(home, "usr/servers/defaultServer/logs/state/com.ibm.ws.jmx.local.address");
        try {
            return Set.of(JmxStub.port(Files.readString(published).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Open Liberty published no local JMX connector address in " + published, e);
        }
    }
}
