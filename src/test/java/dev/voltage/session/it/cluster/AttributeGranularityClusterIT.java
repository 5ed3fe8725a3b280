package dev.voltage.session.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Browser;
import dev.voltage.session.it.Deployments;
import java.net.URL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster with ATTRIBUTE granularity ({@code WEB-INF/distributable-web.xml}), which users
 * choose for large sessions: WildFly then replicates each attribute that changed rather than the
 * whole session. The fail-over test kills a node, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttributeGranularityClusterIT {

    @RegisterExtension
    static final WildFlyCluster CLUSTER =
            new WildFlyCluster(WildFlyCluster.granularity(Deployments.clusterWar("attribute"), "ATTRIBUTE"));

    private static URL node(int index) throws Exception {
        return new URL(CLUSTER.node(index).url(), "attribute/");
    }

    @Test
    @Order(1)
    void valuesAndSlicesWrittenThroughBothNodesAreReadWholeOnBoth() throws Exception {
        Browser one = new Browser(node(0));
        Browser two = one.at(node(1));

        one.post("api/session/cart/a");
        two.post("api/session/cart/b");
        one.post("api/scopes/checkout/advance/PAYMENT");
        two.put("api/scopes/checkout/address/home", "");

        assertThat(two.get("api/session/cart").body()).isEqualTo("a,b");
        assertThat(one.get("api/session/cart").body()).isEqualTo("a,b");
        assertThat(one.get("api/scopes/checkout").body()).isEqualTo("PAYMENT,home");
    }

    @Test
    @Order(2)
    void whenANodeIsKilledAtOnceNoCartLosesMoreThanItsLastWrite() throws Exception {
        Failover.Result result = Failover.round(CLUSTER, "attribute/");

        System.out.printf(
                "fail-over (ATTRIBUTE granularity): %d of %d carts lost after kill -9 of node1 at once (%d lacking only their last item)%n",
                result.lost(), Failover.CLIENTS, result.lastItemOnly());
        assertThat(result.lostCarts())
                .as("carts that lost more than their last write after node1 was killed")
                .allMatch(cart -> cart.equals(Failover.allButLastItem()));
    }
}
