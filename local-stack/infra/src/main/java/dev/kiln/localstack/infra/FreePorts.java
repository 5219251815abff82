package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks ports nobody listens on, and never the same port twice in one JVM: a probed port is released at once,
 * so the kernel may offer it again to the next probe, and two components of one stack would then be given
 * the same port (one of them fails to start).
 */
public final class FreePorts {

    private static final int TRIES = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int i = 0; i < TRIES; i++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port that was not handed out already after " + TRIES + " probes");
    }

    public static boolean isFree(int port) {
        return !ManagedProcess.portOpen(port);
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
