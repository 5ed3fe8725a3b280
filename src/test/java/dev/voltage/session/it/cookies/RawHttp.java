package dev.voltage.session.it.cookies;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a plain socket, so a test controls the request's bytes exactly:
 * several cookies of one name, non-ASCII bytes, ids in the path. No cookie jar, no redirects.
 */
final class RawHttp {

    /** What came back: the status, the {@code Set-Cookie} headers and the body. */
    record Reply(int status, List<String> setCookies, String body) {

        /** The values of the {@code Set-Cookie} headers for a cookie name. */
        List<String> cookieValues(String name) {
            return setCookies.stream()
                    .filter(header -> header.startsWith(name + "="))
                    .map(header -> header.substring(name.length() + 1).split(";", 2)[0])
                    .toList();
        }
    }

    private RawHttp() {}

    /**
     * Sends a request.
     *
     * @param base the deployment's URL, as Arquillian gives it
     * @param method GET or POST
     * @param target the path and query below the deployment, sent as is
     * @param cookie the {@code Cookie} header's bytes as ISO-8859-1 characters, or {@code null} for none
     * @return the reply
     */
    static Reply send(URL base, String method, String target, String cookie) {
        String path = base.getPath() + target;
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\n")
                .append("Connection: close\r\n");
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Length: 0\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(byte[] bytes) throws IOException {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No complete HTTP response: " + all);
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> setCookies = new ArrayList<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String[] header = lines[i].split(":", 2);
            String name = header[0].trim().toLowerCase(Locale.ROOT);
            String value = header.length > 1 ? header[1].trim() : "";
            if (name.equals("set-cookie")) {
                setCookies.add(value);
            } else if (name.equals("transfer-encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Reply(status, setCookies, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.length() == 0
                    ? 0
                    : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.read(); // CR
            in.read(); // LF
        }
    }
}
