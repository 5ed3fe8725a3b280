package dev.voltage.session.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The log file of the server under test, read by the client side of a test: the one place that
 * knows where each server writes it (the build passes its path as {@code -Dserver.log}).
 */
public final class ServerLog {

    private ServerLog() {}

    /**
     * Returns the log's lines that contain a text.
     *
     * @param text what to look for
     * @return the matching lines, oldest first
     */
    public static List<String> linesContaining(String text) {
        String path = System.getProperty("server.log");
        if (path == null) {
            throw new IllegalStateException("-Dserver.log is not set: run the container tests with 'mvn verify'.");
        }
        try {
            return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(text))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
