package dev.voltage.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.*;

/**
 * What one fingerprint costs on a miss of {@code LogIds}' cache, by the three ways of getting a keyed
 * {@code Mac}: one per thread (before: it leaked the class loader and the secret on pooled threads),
 * a copy of one keyed once (now), a new one per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MacStrategyBenchmark {
    static final String SECRET = "a-long-random-secret-shared-by-the-servers-0123456789";
    static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);
    final ThreadLocal<Mac> perThread = new ThreadLocal<>();
    volatile Mac prototype;
    final SecretKeySpec spec = new SecretKeySpec(KEY, "HmacSHA256");
    final AtomicLong counter = new AtomicLong();

    @Setup
    public void setup() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        prototype = mac;
    }

    private String id() {
        return "node0" + Long.toHexString(counter.incrementAndGet()) + "ABCDEFGHIJKLMNOPQRSTUV.node0";
    }

    private static String hex(Mac mac, String id) {
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    @Benchmark
    public String threadLocalMac() throws Exception {
        Mac mac = perThread.get();
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            perThread.set(mac);
        }
        return hex(mac, id());
    }

    @Benchmark
    public String clonedPrototype() throws Exception {
        return hex((Mac) prototype.clone(), id());
    }

    @Benchmark
    public String newMacPerCallKeyPrepared() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        return hex(mac, id());
    }

    @Benchmark
    @Threads(4)
    public String clonedPrototype4Threads() throws Exception {
        return clonedPrototype();
    }

    @Benchmark
    @Threads(4)
    public String threadLocalMac4Threads() throws Exception {
        return threadLocalMac();
    }
}
