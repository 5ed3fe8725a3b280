package dev.voltage.session.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.ListeningSockets;
import dev.voltage.session.it.ListeningSockets.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster's nodes open no port beyond this machine: HTTP, management and JGroups (TCP) of
 * both nodes, once they formed one cluster, are bound to 127.0.0.1 or ::1.
 */
class ClusterLoopbackIT {

    @RegisterExtension
    static final WildFlyCluster CLUSTER =
            new WildFlyCluster(Deployments.distributable(Deployments.war("loopback", Deployments.sessionClasses())));

    @Test
    void everyPortOfEveryNodeIsBoundToLoopback() {
        for (int index = 0; index < 2; index++) {
            WildFlyCluster.Node node = CLUSTER.node(index);
            List<Socket> sockets = ListeningSockets.ofProcess(node.serverPid());

            assertThat(sockets)
                    .as("%s's listening sockets", node.name())
                    .anyMatch(socket -> socket.protocol().equals("tcp")
                            && socket.port() == node.url().getPort());
            assertThat(sockets.stream().filter(socket -> !socket.loopback()).toList())
                    .as("ports %s opened beyond loopback; bind them to 127.0.0.1 in WildFlyCluster", node.name())
                    .isEmpty();
        }
    }
}
