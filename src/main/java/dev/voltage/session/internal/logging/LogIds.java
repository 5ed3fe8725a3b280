package dev.voltage.session.internal.logging;

import dev.voltage.session.SessionConfiguration;
import dev.voltage.session.internal.ApplicationSingleton;
import dev.voltage.session.internal.config.ActiveConfiguration;
import jakarta.inject.Inject;
import java.util.HexFormat;

/**
 * Turns a raw session id into the id that logs and events carry: by default a fingerprint,
 * HMAC-SHA-256 of the id keyed with the secret, hex, first 16 characters (64 bits), so a log
 * line never holds a credential (OWASP) and servers sharing the secret agree.
 *
 * <p>It keeps nothing on the threads that call it: pooled threads outlive the application, and a
 * per-thread {@code Mac} would hold the application's class loader and a copy of the secret on
 * each of them after an undeploy. A few {@code Mac}s keyed once are lent to one fingerprint at a
 * time instead ({@link KeyedMacs}).
 */
@ApplicationSingleton
public class LogIds {

    private static final int LENGTH = 16;

    /**
     * Slots of {@link #recent}, a power of two: about 400 KiB when all are filled, so that an
     * application with a few thousand sessions active at once computes few HMACs again.
     */
    private static final int RECENT_SLOTS = 4096;

    /** Slots of {@link #recent} an id may take: its bucket, aligned on this power of two. */
    private static final int WAYS = 4;

    private final ActiveConfiguration settings;

    /** The {@code Mac}s keyed with the current secret. */
    private volatile KeyedMacs macs;

    /**
     * Fingerprints computed lately, in buckets of {@value #WAYS} slots chosen by the id's hash:
     * the requests of a page (the document, then its scripts and calls) come from one client
     * within moments, and each would otherwise compute the same HMAC again. Slots are
     * overwritten, never grown; an entry is immutable, so threads may share it without locking (a
     * race loses an entry at worst, which only costs an HMAC).
     */
    private final Fingerprint[] recent = new Fingerprint[RECENT_SLOTS];

    /** A fingerprint, with what it was computed from. */
    private record Fingerprint(String sessionId, String secret, String value) {}

    /**
     * @param settings the configuration in force, which holds the secret
     */
    @Inject
    public LogIds(ActiveConfiguration settings) {
        this.settings = settings;
    }

    /**
     * Returns the log id of a session id.
     *
     * @param sessionId the raw id
     * @return the fingerprint, or the raw id when {@code voltage.session.log.id=raw}
     */
    public String of(String sessionId) {
        return SessionConfiguration.LOG_ID_RAW.equals(settings.configuration().logId())
                ? sessionId
                : fingerprint(sessionId);
    }

    /**
     * Returns the fingerprint of a session id.
     *
     * @param sessionId the raw id
     * @return 16 lower-case hex characters
     */
    public String fingerprint(String sessionId) {
        String secret = settings.secret();
        int bucket = sessionId.hashCode() & (RECENT_SLOTS - WAYS);
        for (int way = 0; way < WAYS; way++) {
            Fingerprint known = recent[bucket + way];
            // The secret is one String for the application's life: identity is enough, and a new one only misses.
            if (known != null && known.secret() == secret && known.sessionId().equals(sessionId)) {
                return known.value();
            }
        }
        byte[] digest = macs(secret).digest(sessionId);
        String value = HexFormat.of().formatHex(digest, 0, LENGTH / 2);
        // The newest goes first and the others move down, pushing out the oldest of the bucket:
        // ids that share a bucket all stay, up to its size, where a fixed slot made them evict each other.
        System.arraycopy(recent, bucket, recent, bucket + 1, WAYS - 1);
        recent[bucket] = new Fingerprint(sessionId, secret, value);
        return value;
    }

    private KeyedMacs macs(String secret) {
        KeyedMacs current = macs;
        if (current == null || !current.secret().equals(secret)) {
            current = new KeyedMacs(secret);
            macs = current;
        }
        return current;
    }
}
