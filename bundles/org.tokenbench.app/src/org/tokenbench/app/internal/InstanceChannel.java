package org.tokenbench.app.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.tokenbench.core.TokenBenchHome;

/**
 * One workbench per user. The first workbench holds an exclusive lock on {@code run/workbench.lock} under the
 * TokenBench home (0700) for its whole life and listens on the Unix-domain socket {@code run/workbench.sock} beside
 * it; a second launch finds the lock taken, hands its request (bring to front, open this QR image) over the socket
 * and exits instead of fighting the first for the card readers. The lock, not the socket file, decides who is first:
 * the OS releases it when a workbench dies, so a socket file left by a crash is stale and is replaced.
 *
 * <p>Plain Java and no OSGi: the launcher can run {@link #main} on the app jar to hand over without starting a
 * framework. The headless CLI never takes part; it runs beside the workbench.
 */
public final class InstanceChannel implements AutoCloseable {

    /** What a second launch asks the first one. */
    public record Request(Optional<Path> image) {

        static final String ACTIVATE = "ACTIVATE";
        static final String OPEN = "OPEN ";

        String line() {
            return image.map(path -> OPEN + path.toAbsolutePath().normalize()).orElse(ACTIVATE);
        }

        static Optional<Request> parse(String line) {
            if (line.equals(ACTIVATE)) {
                return Optional.of(new Request(Optional.empty()));
            }
            if (line.startsWith(OPEN) && line.length() > OPEN.length()) {
                Path path = Path.of(line.substring(OPEN.length()));
                return path.isAbsolute() ? Optional.of(new Request(Optional.of(path))) : Optional.empty();
            }
            return Optional.empty();
        }
    }

    /** Longest request line: a path, far below any real PATH_MAX, so a stray client cannot make us buffer much. */
    private static final int MAX_LINE = 8192;
    /** How long a second launch waits for a first one that holds the lock but is still starting. */
    private static final long CONNECT_WAIT_MILLIS = 10_000;
    /**
     * How long the workbench waits for a client's request line: a client that connects and sends nothing must not
     * hold the channel (every later launch would queue behind it).
     */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(2);
    /** How long a second launch waits for the answer: longer than {@link #REQUEST_WAIT}, one stuck client may be ahead. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread acceptor;

    private InstanceChannel(FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socket, Consumer<Request> requests) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
        this.acceptor = new Thread(() -> serve(requests), "TokenBench instance channel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The per-user folder: {@code run} under the TokenBench home. */
    public static Path defaultDirectory() {
        return TokenBenchHome.directory().resolve("run");
    }

    /**
     * Becomes the user's workbench (empty: another one runs and has been handed {@code request}).
     *
     * @param requests called on the channel's thread with each request a later launch hands over
     */
    public static Optional<InstanceChannel> claim(Path directory, Request request, Consumer<Request> requests) throws IOException {
        createPrivateDirectory(directory);
        Path socket = directory.resolve("workbench.sock");
        FileChannel lockFile = FileChannel.open(directory.resolve("workbench.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null; // this JVM holds it already: the channel is open here
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
        if (lock == null) {
            lockFile.close();
            handOver(socket, request);
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(socket); // left by a workbench that died: we hold the lock, so nobody listens on it
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return Optional.of(new InstanceChannel(lockFile, lock, server, socket, requests));
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockFile.close();
            throw e;
        }
    }

    /** Sends {@code request} to the running workbench; waits a little for one that is still starting. */
    static void handOver(Path socket, Request request) throws IOException {
        handOver(socket, request, CONNECT_WAIT_MILLIS);
    }

    /** No workbench listens on the socket (none runs, or it is still starting and {@code connectWait} passed). */
    static final class NobodyListens extends IOException {
        private static final long serialVersionUID = 1L;

        NobodyListens(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void handOver(Path socket, Request request, long connectWaitMillis) throws IOException {
        long deadline = System.currentTimeMillis() + connectWaitMillis;
        while (true) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap((request.line() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.shutdownOutput();
                String answer = readLine(channel, ANSWER_WAIT);
                if (!"OK".equals(answer)) {
                    throw new IOException("the running workbench did not take the request (" + answer + ")");
                }
                return;
            } catch (java.net.SocketException | java.nio.file.NoSuchFileException e) {
                if (System.currentTimeMillis() >= deadline) {
                    throw new NobodyListens("another workbench holds " + socket.resolveSibling("workbench.lock")
                            + " but does not answer on " + socket + " (" + e.getMessage() + ")", e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while handing over to the running workbench", interrupted);
                }
            }
        }
    }

    private void serve(Consumer<Request> requests) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                Optional<Request> request = Request.parse(readLine(client, REQUEST_WAIT));
                client.write(ByteBuffer.wrap((request.isPresent() ? "OK\n" : "BAD\n").getBytes(StandardCharsets.UTF_8)));
                request.ifPresent(requests);
            } catch (java.nio.channels.AsynchronousCloseException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one client's bad request or hang-up; keep serving the next launch
            }
        }
    }

    /**
     * One line, within {@code within} (channels have no read timeout: a selector bounds the wait).
     *
     * @throws SocketTimeoutException when no full line came in time
     */
    private static String readLine(SocketChannel channel, Duration within) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE);
        long deadline = System.nanoTime() + within.toNanos();
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (buffer.hasRemaining()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new SocketTimeoutException("no request line within " + within.toMillis() + " ms");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0 || buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                    break;
                }
            }
        }
        channel.configureBlocking(true); // the selector is closed: the key is gone, blocking writes may follow
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another launch made it at the same moment
            }
        }
        // Others may not reach the socket: a request opens an image in this user's workbench.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } finally {
            lock.release();
            lockFile.close();
        }
    }

    /**
     * {@code java -cp <app jar>:<core jar> org.tokenbench.app.internal.InstanceChannel [IMAGE]}: hands the request to
     * the running workbench without starting OSGi. Exit 0 when handed over, 3 when no workbench answers (start one).
     * It only connects: probing the lock by taking it, even for a moment, would make a workbench starting at that
     * instant believe another one runs.
     */
    public static void main(String[] args) throws IOException {
        Request request = new Request(args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty());
        Path socket = defaultDirectory().resolve("workbench.sock");
        try {
            handOver(socket, request, 0);
        } catch (NobodyListens nobody) {
            System.exit(3);
        }
    }
}
