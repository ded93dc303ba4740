package dev.junction.engine.control;

import dev.junction.router.RouterControl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Serves one router's handlers with Click's ControlSocket protocol, on a TCP port or a UNIX-domain socket.
 * Each client gets a virtual thread; at most {@link ControlSocketSettings#maxClients()} are served at once and
 * idle clients may stay connected as long as they like. {@link #close()} stops accepting, disconnects every
 * client and, for a UNIX-domain socket, removes its file.
 *
 * <p>Writing the global handler {@code hotconfig} (WRITE, WRITEDATA or WRITEUNTIL) swaps the router's
 * configuration; errors come back as a {@code 520} reply with one line per error.
 */
public final class ControlSocketServer implements AutoCloseable {
    /** How long {@link #close()} waits for the threads it stopped; they end as soon as their sockets close. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    /** The pause after a failed accept (out of file descriptors, say), so that the loop does not spin. */
    private static final long ACCEPT_RETRY_MILLIS = 100;

    private final RouterControl router;
    private final ControlSocketSettings settings;
    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final Path unixSocketFile;
    private final Map<SocketChannel, Thread> clients = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlSocketServer(RouterControl router, ControlSocketSettings settings, ServerSocketChannel listener,
            Path unixSocketFile) throws IOException {
        this.router = router;
        this.settings = settings;
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.unixSocketFile = unixSocketFile;
        this.acceptor = Thread.ofVirtual().name("controlsocket-accept " + address).start(this::acceptClients);
    }

    /** Serves {@code router} on TCP port {@code port} of the loopback address (0: any free port). */
    public static ControlSocketServer openTcp(RouterControl router, int port) throws IOException {
        return openTcp(router, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                ControlSocketSettings.DEFAULTS);
    }

    /** Serves {@code router} on TCP {@code address} (port 0: any free port) with {@code settings}. */
    public static ControlSocketServer openTcp(RouterControl router, InetSocketAddress address,
            ControlSocketSettings settings) throws IOException {
        return start(router, settings, ServerSocketChannel.open(), address, null);
    }

    /** Serves {@code router} on a new UNIX-domain socket at {@code file}. */
    public static ControlSocketServer openUnix(RouterControl router, Path file) throws IOException {
        return openUnix(router, file, ControlSocketSettings.DEFAULTS);
    }

    /**
     * Serves {@code router} on a new UNIX-domain socket at {@code file} with {@code settings}. A file already
     * there is an error (it may be another router's socket), as binding it is in Click.
     */
    public static ControlSocketServer openUnix(RouterControl router, Path file, ControlSocketSettings settings)
            throws IOException {
        return start(router, settings, ServerSocketChannel.open(StandardProtocolFamily.UNIX),
                UnixDomainSocketAddress.of(file), file);
    }

    private static ControlSocketServer start(RouterControl router, ControlSocketSettings settings,
            ServerSocketChannel listener, SocketAddress address, Path unixSocketFile) throws IOException {
        try {
            listener.bind(address);
            return new ControlSocketServer(router, settings, listener, unixSocketFile);
        } catch (IOException | RuntimeException failure) {
            listener.close();
            throw failure;
        }
    }

    /** Where the server listens: an {@link InetSocketAddress} or a {@link UnixDomainSocketAddress}. */
    public SocketAddress address() {
        return address;
    }

    /**
     * The TCP port the server listens on (the one chosen, if it was opened on port 0).
     *
     * @throws IllegalStateException if the server listens on a UNIX-domain socket
     */
    public int port() {
        if (address instanceof InetSocketAddress inet) {
            return inet.getPort();
        }
        throw new IllegalStateException("a ControlSocket on a UNIX-domain socket has no port: " + address);
    }

    /** How many clients are connected now. */
    public int clientCount() {
        return clients.size();
    }

    /** Stops accepting, disconnects every client, and removes the UNIX-domain socket file; idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        listener.close();
        List<Thread> threads = new ArrayList<>(clients.values());
        threads.add(acceptor);
        for (SocketChannel client : clients.keySet()) {
            closeQuietly(client);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            if (unixSocketFile != null) {
                Files.deleteIfExists(unixSocketFile);
            }
        }
    }

    private void acceptClients() {
        while (!closed) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException stopped) {
                return;
            } catch (IOException failure) {
                if (closed) {
                    return;
                }
                pauseAfterAcceptFailure();
                continue;
            }
            admit(client);
        }
    }

    /** Serves {@code client} on a thread of its own, or turns it away if the server is full or closing. */
    private void admit(SocketChannel client) {
        if (clients.size() >= settings.maxClients()) {
            refuse(client, "Too many connections (at most " + settings.maxClients() + ")");
            return;
        }
        // The thread is registered before it runs, so that close() can find it and a finished thread removes
        // an entry that exists.
        Thread thread = Thread.ofVirtual().name("controlsocket-client").unstarted(() -> serve(client));
        clients.put(client, thread);
        if (closed) { // close() may have taken its snapshot before the put
            clients.remove(client);
            closeQuietly(client);
            return;
        }
        thread.start();
    }

    private void serve(SocketChannel client) {
        try (client) {
            new ControlSocketSession(router, settings, Channels.newInputStream(client),
                    Channels.newOutputStream(client)).run();
        } catch (IOException gone) {
            // The client went away, or close() disconnected it: there is nobody left to tell.
        } finally {
            clients.remove(client);
        }
    }

    /** Sends one {@code 590} line, without the banner, and closes: Click clients report it and give up. */
    private static void refuse(SocketChannel client, String reason) {
        try (client) {
            client.write(ByteBuffer.wrap(ControlText.encode(
                    ReplyCode.UNSPECIFIED.number() + " " + reason + ControlText.LINE_END)));
        } catch (IOException ignored) {
            // The refused client is already gone.
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Closing is all we wanted; a failure leaves nothing to undo.
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
