package dev.voltage.session.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voltage.session.it.Deployments;
import dev.voltage.session.it.cluster.raw.RawCartServlet;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fail-over round of {@link Failover}, repeated on one cluster start: node 1 is killed at once
 * after the last response, the carts are read from node 2, node 1 is started again, and so on. Out
 * of the normal test run (its name is no {@code *IT}); {@code bench/cluster-failover.sh} runs it.
 *
 * <p>System properties: {@code failover.rounds} (default 20), {@code failover.war} ({@code library}:
 * the library's test resource, {@code raw}: {@link RawCartServlet} without the library),
 * {@code failover.granularity} ({@code SESSION}, WildFly's default, or {@code ATTRIBUTE}). It
 * fails if any round lost a cart, after all rounds ran.
 */
class FailoverRounds {

    private static final int ROUNDS = Integer.getInteger("failover.rounds", 20);
    private static final String WAR = System.getProperty("failover.war", "library");
    private static final String GRANULARITY = System.getProperty("failover.granularity", "SESSION");

    @RegisterExtension
    static final WildFlyCluster CLUSTER = new WildFlyCluster(WildFlyCluster.granularity(war(), GRANULARITY));

    private static WebArchive war() {
        if (WAR.equals("raw")) {
            return Deployments.distributable(
                    ShrinkWrap.create(WebArchive.class, "failover.war").addClass(RawCartServlet.class));
        }
        return Deployments.distributable(Deployments.war("failover", Deployments.sessionClasses()));
    }

    @Test
    void killedAtOnceAfterTheLastResponse() throws Exception {
        List<Integer> lostPerRound = new ArrayList<>();
        long started = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            long roundStarted = System.nanoTime();
            Failover.Result result = Failover.round(CLUSTER, "failover/");
            lostPerRound.add(result.lost());
            System.out.printf(
                    "fail-over round %d (%s WAR, %s granularity): %d of %d carts lost (%d lacking only their last item) %s%n",
                    round,
                    WAR,
                    GRANULARITY,
                    result.lost(),
                    Failover.CLIENTS,
                    result.lastItemOnly(),
                    result.lostCarts());
            if (round < ROUNDS) {
                CLUSTER.restart(0);
            }
            System.out.printf(
                    "  round %d took %d s with the restart%n",
                    round, (System.nanoTime() - roundStarted) / 1_000_000_000L);
        }
        int total = lostPerRound.stream().mapToInt(Integer::intValue).sum();
        long roundsWithLoss = lostPerRound.stream().filter(lost -> lost > 0).count();
        System.out.printf(
                "fail-over summary (%s WAR, %s granularity): %d rounds, lost per round %s, %d carts lost of %d, %d rounds with a loss, %d s%n",
                WAR,
                GRANULARITY,
                ROUNDS,
                lostPerRound,
                total,
                ROUNDS * Failover.CLIENTS,
                roundsWithLoss,
                (System.nanoTime() - started) / 1_000_000_000L);
        assertThat(total).as("carts lost over %d rounds", ROUNDS).isZero();
    }
}
