package dev.voltage.session.it.loopback;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The port of an RMI JMX connector from its address ({@code service:jmx:rmi://host/stub/<base64>}),
 * read from the serialised stub without deserialising it: the stub's reference is written as
 * {@code UnicastRef2}, a format byte, the host and the port (or {@code UnicastRef}, the host and
 * the port).
 */
final class JmxStub {

    private JmxStub() {}

    /**
     * @param address the connector's JMX service URL
     * @return the port its RMI server listens on
     */
    static int port(String address) {
        int stub = address.indexOf("/stub/");
        if (stub < 0) {
            throw new IllegalArgumentException("'" + address + "' is not an RMI JMX address with a stub");
        }
        byte[] bytes = Base64.getDecoder().decode(address.substring(stub + "/stub/".length()));
        for (String kind : new String[] {"UnicastRef2", "UnicastRef"}) {
            int at = indexOf(bytes, kind.getBytes(StandardCharsets.US_ASCII));
            if (at >= 0) {
                int endpoint = at + kind.length() + (kind.endsWith("2") ? 1 : 0);
                try (DataInputStream in =
                        new DataInputStream(new ByteArrayInputStream(bytes, endpoint, bytes.length - endpoint))) {
                    in.readUTF(); // the host
                    return in.readInt();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException("The stub of '" + address + "' holds no RMI endpoint");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
