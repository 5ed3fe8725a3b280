package dev.voltage.session.it.cluster;

import dev.voltage.session.it.Browser;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One fail-over round on a two-node cluster: 100 clients fill a cart of 5 items each through both
 * nodes (items 0, 2 and 4 on node 1, 1 and 3 on node 2), node 1 is killed with {@code kill -9} as
 * soon as the last client has its last response, and every cart is read from node 2. The WAR
 * answers {@code POST api/session/cart/{item}} (adds the item) and {@code GET api/session/cart}
 * (the items, comma-separated).
 */
final class Failover {

    static final int CLIENTS = 100;
    static final int ITEMS = 5;

    private Failover() {}

    /**
     * What node 2 held after node 1 died.
     *
     * @param lostCarts the carts that are not whole, as node 2 read them
     * @param lastItemOnly how many of them lack only their last item (the write acknowledged last)
     */
    record Result(List<String> lostCarts, long lastItemOnly) {

        int lost() {
            return lostCarts.size();
        }

        /** Carts that lack more than the last write: anything but the window after the last response. */
        long lostBeyondLastItem() {
            return lost() - lastItemOnly;
        }
    }

    /**
     * Runs the round; node 1 is dead when it returns.
     *
     * @param cluster the running cluster
     * @param context the WAR's context path, with a trailing slash
     * @return the carts node 2 did not hold whole
     */
    static Result round(WildFlyCluster cluster, String context) throws Exception {
        URL one = new URL(cluster.node(0).url(), context);
        URL two = new URL(cluster.node(1).url(), context);
        List<Browser> survivors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> filled = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Browser first = new Browser(one);
                Browser second = first.at(two);
                survivors.add(second);
                filled.add(pool.submit(() -> {
                    for (int i = 0; i < ITEMS; i++) {
                        Browser to = i % 2 == 0 ? first : second;
                        int status = to.post("api/session/cart/item-" + i).statusCode();
                        if (status != 200) {
                            throw new IllegalStateException("adding item-" + i + " answered " + status);
                        }
                    }
                }));
            }
            for (Future<?> f : filled) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        cluster.node(0).crash();

        String whole = expected(ITEMS);
        String allButLast = expected(ITEMS - 1);
        List<String> lost = new ArrayList<>();
        long lastItemOnly = 0;
        for (Browser survivor : survivors) {
            String cart = survivor.get("api/session/cart").body();
            if (!cart.equals(whole)) {
                lost.add(cart);
                if (cart.equals(allButLast)) {
                    lastItemOnly++;
                }
            }
        }
        return new Result(lost, lastItemOnly);
    }

    /**
     * @return a cart that lacks only the last item, as node 2 reads it
     */
    static String allButLastItem() {
        return expected(ITEMS - 1);
    }

    private static String expected(int items) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            names.add("item-" + i);
        }
        return String.join(",", names);
    }
}
