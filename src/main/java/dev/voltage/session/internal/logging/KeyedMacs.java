package dev.voltage.session.internal.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 keyed with one secret, computed on {@code Mac}s that are keyed once and lent to
 * one caller at a time: once warm, and up to {@value #IDLE} callers at once, a digest neither
 * keys a {@code Mac} (a provider lookup and the key's preparation) nor copies one. The idle ones
 * wait in a small table that the application owns, never on the threads that call it, which
 * outlive an undeploy.
 */
final class KeyedMacs {

    private static final String ALGORITHM = "HmacSHA256";

    /** Idle {@code Mac}s kept at most: more threads than this at once key a {@code Mac} of their own. */
    private static final int IDLE = 8;

    private final String secret;
    private final AtomicReferenceArray<Mac> idle = new AtomicReferenceArray<>(IDLE);

    /**
     * @param secret the key
     */
    KeyedMacs(String secret) {
        this.secret = secret;
    }

    /** The key these {@code Mac}s were initialised with. */
    String secret() {
        return secret;
    }

    /**
     * Returns the HMAC of a text's UTF-8 bytes.
     *
     * @param text the text
     * @return the 32 bytes of the HMAC
     */
    byte[] digest(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Mac mac = take();
        byte[] digest = mac.doFinal(input); // leaves the Mac reset for the next
        giveBack(mac);
        return digest;
    }

    private Mac take() {
        for (int i = 0; i < IDLE; i++) {
            Mac mac = idle.get(i);
            if (mac != null && idle.compareAndSet(i, mac, null)) {
                return mac;
            }
        }
        return keyed(secret);
    }

    private void giveBack(Mac mac) {
        for (int i = 0; i < IDLE; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, mac)) {
                return;
            }
        }
    }

    private static Mac keyed(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
