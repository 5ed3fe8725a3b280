package dev.voltage.session.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ports a server's processes listen on, with the address each is bound to, read from Linux's
 * {@code /proc} as {@code ss -ltunp} would show them: TCP sockets in {@code LISTEN} and bound,
 * unconnected UDP sockets.
 */
public final class ListeningSockets {

    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ListeningSockets() {}

    /**
     * One listening socket.
     *
     * @param protocol {@code tcp} or {@code udp}
     * @param address the address it is bound to ({@code 0.0.0.0} or {@code ::} for every interface)
     * @param port its port
     * @param pid the process that holds it
     * @param command the start of that process's command line
     */
    public record Socket(String protocol, InetAddress address, int port, long pid, String command) {

        /** @return whether only this machine can reach it */
        public boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return protocol + " port " + port + " on " + address.getHostAddress() + " (pid " + pid + ": " + command
                    + ")";
        }
    }

    /**
     * The listening sockets of every process whose command line contains the given text, such as
     * the server's home directory, which every server's JVM names in its options.
     *
     * @param commandLinePart the text to find in the command line
     * @return their sockets; empty when no such process runs
     */
    public static List<Socket> ofProcessesNaming(String commandLinePart) {
        List<Socket> sockets = new ArrayList<>();
        for (long pid : processesNaming(commandLinePart)) {
            sockets.addAll(ofProcess(pid));
        }
        return sockets;
    }

    /**
     * @param pid a process
     * @return its listening sockets
     */
    public static List<Socket> ofProcess(long pid) {
        Set<String> inodes = socketInodes(pid);
        String command = commandLine(pid);
        command = command.length() > 120 ? command.substring(0, 120) + "…" : command;
        List<Socket> sockets = new ArrayList<>();
        for (String protocol : List.of("tcp", "udp")) {
            String bound = protocol.equals("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
            for (String file : List.of(protocol, protocol + "6")) {
                for (String line : lines(Path.of("/proc/net", file))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length < 10 || !fields[3].equals(bound) || !inodes.contains(fields[9])) {
                        continue;
                    }
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(protocol, address(local[0]), Integer.parseInt(local[1], 16), pid, command));
                }
            }
        }
        return sockets;
    }

    private static List<Long> processesNaming(String commandLinePart) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> pid != ProcessHandle.current().pid())
                    .filter(pid -> commandLine(pid).contains(commandLinePart))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we listed them
                }
            }
        } catch (NoSuchFileException gone) {
            return inodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            List<String> lines = Files.readAllLines(table);
            return lines.isEmpty() ? lines : lines.subList(1, lines.size());
        } catch (NoSuchFileException noIpv6) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel writes an address as 32-bit words in the machine's (little-endian) byte order. */
    private static InetAddress address(String hex) {
        byte[] words = HexFormat.of().parseHex(hex);
        byte[] address = new byte[words.length];
        for (int word = 0; word < words.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = words[word + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
