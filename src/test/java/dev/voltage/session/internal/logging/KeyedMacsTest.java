package dev.voltage.session.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The lent {@code Mac}s give every caller the HMAC of its own input, however many call at once. */
class KeyedMacsTest {

    private static final String SECRET = "a secret of the application, at least 32 characters";

    @Test
    void manyThreadsAtOnceEachGetTheHmacOfTheirOwnInput() throws Exception {
        KeyedMacs macs = new KeyedMacs(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int thread = 0; thread < 16; thread++) {
                int first = thread * 2_000;
                wrong.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int i = first; i < first + 2_000; i++) {
                        String id = "session-" + i;
                        if (!Arrays.equals(macs.digest(id), hmac(id))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> mismatches : wrong) {
                assertThat(mismatches.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameInputTwiceGivesTheSameHmac() {
        KeyedMacs macs = new KeyedMacs(SECRET);

        assertThat(macs.digest("abc")).isEqualTo(macs.digest("abc")).isEqualTo(hmac("abc"));
    }

    private static byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
