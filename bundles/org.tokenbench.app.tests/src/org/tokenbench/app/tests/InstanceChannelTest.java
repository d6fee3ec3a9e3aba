package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.app.internal.InstanceChannel;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/** One workbench per user: the per-user channel, a stale socket, and a second launch in another process. */
class InstanceChannelTest {

    private static final String URI = "otpauth://totp/Handed:over?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Handed";

    @Test
    void aSecondLaunchHandsItsImageToTheFirst(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        BlockingQueue<InstanceChannel.Request> received = new LinkedBlockingQueue<>();
        Path image = home.resolve("code.png");
        try (InstanceChannel first = InstanceChannel.claim(run, new InstanceChannel.Request(Optional.empty()), received::add)
                .orElseThrow()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("workbench.sock"))));
            Optional<InstanceChannel> second = InstanceChannel.claim(run, new InstanceChannel.Request(Optional.of(image)), r -> {
            });
            assertTrue(second.isEmpty(), "the second launch became a workbench too");
            InstanceChannel.Request request = received.poll(5, TimeUnit.SECONDS);
            assertEquals(Optional.of(image), request.image());
        }
        assertTrue(Files.notExists(run.resolve("workbench.sock")), "the socket outlives its workbench");
    }

    @Test
    void aSocketLeftByACrashedWorkbenchIsReplaced(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Files.createDirectories(run);
        // A bound and closed Unix socket leaves its file behind, as a killed workbench does.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(run.resolve("workbench.sock")));
        }
        assertTrue(Files.exists(run.resolve("workbench.sock")));
        BlockingQueue<InstanceChannel.Request> received = new LinkedBlockingQueue<>();
        try (InstanceChannel first = InstanceChannel.claim(run, new InstanceChannel.Request(Optional.empty()), received::add)
                .orElseThrow()) {
            assertTrue(InstanceChannel.claim(run, new InstanceChannel.Request(Optional.empty()), r -> {
            }).isEmpty());
            assertTrue(received.poll(5, TimeUnit.SECONDS).image().isEmpty(), "a plain second launch only activates");
        }
    }

    /** The real thing: this workbench (the product's application under the test harness) and a second JVM. */
    @Test
    void aSecondProcessBringsTheWorkbenchForwardWithItsQrImage(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("handed-over.png");
        Files.write(image, QrEncoder.png(URI, 6));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dtokenbench.home=" + TokenBenchHome.directory(), "-cp", classpath(InstanceChannel.class, TokenBenchHome.class),
                InstanceChannel.class.getName(), image.toString()));
        Display display = Display.getCurrent();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        // Another window in front: the hand-over must bring the workbench's own window forward.
        Shell other = new Shell(display);
        other.setText("in front of the workbench");
        other.setBounds(0, 0, 300, 200);
        other.open();
        other.forceActive();
        spin(display, () -> display.getActiveShell() == other, 5);
        assertEquals(other, display.getActiveShell(), "the other window is in front before the hand-over");
        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (second.isAlive() && System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        String output = new String(second.getInputStream().readAllBytes());
        assertEquals(0, second.exitValue(), "the second launch: " + output);
        // what Program Token's key section shows: the issuer of the handed-over code
        while (System.nanoTime() < until && !issuerShown(window.getShell()).contains("Handed")) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        assertTrue(window.getActivePage().findView(ProgramTokenView.ID) != null && issuerShown(window.getShell()).contains("Handed"),
                "Program Token did not get the handed-over code: " + issuerShown(window.getShell()));
        try {
            spin(display, () -> display.getActiveShell() == window.getShell(), 5);
            assertEquals(window.getShell(), display.getActiveShell(), "the workbench window is brought to the front");
            assertFalse(window.getShell().getMinimized());
        } finally {
            other.dispose();
        }
    }

    /** A workbench must not hang on a client that connects and says nothing: the next launch still gets through. */
    @Test
    void aClientThatSendsNothingDoesNotHoldUpTheNextLaunch(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Path image = home.resolve("code.png");
        BlockingQueue<InstanceChannel.Request> received = new LinkedBlockingQueue<>();
        try (InstanceChannel first = InstanceChannel.claim(run, new InstanceChannel.Request(Optional.empty()), received::add)
                .orElseThrow(); SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(run.resolve("workbench.sock")))) {
            long started = System.nanoTime();
            assertTrue(InstanceChannel.claim(run, new InstanceChannel.Request(Optional.of(image)), r -> {
            }).isEmpty());
            InstanceChannel.Request request = received.poll(5, TimeUnit.SECONDS);
            assertEquals(Optional.of(image), request == null ? null : request.image(), "the launch after the silent client");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(8), "waited for the silent client too long");
        }
    }

    /** A second launch gives up on a "workbench" that accepts and never answers, instead of hanging for ever. */
    @Test
    void aSecondLaunchGivesUpOnAWorkbenchThatNeverAnswers(@TempDir Path home) throws Exception {
        Path run = home.resolve("run");
        Files.createDirectories(run);
        List<SocketChannel> accepted = new ArrayList<>();
        try (FileChannel lockFile = FileChannel.open(run.resolve("workbench.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.lock();
                ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            mute.bind(UnixDomainSocketAddress.of(run.resolve("workbench.sock")));
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(mute.accept()); // and never a word back
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> InstanceChannel.claim(run, new InstanceChannel.Request(Optional.empty()),
                    r -> {
                    }));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 20, "gave up after " + seconds + " s: " + e);
        } finally {
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }

    private static void spin(Display display, java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
    }

    private static String classpath(Class<?>... classes) {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : classes) {
            File location = FileLocator.getBundleFileLocation(FrameworkUtil.getBundle(type)).orElseThrow();
            entries.add(location.isDirectory() && new File(location, "target/classes").isDirectory()
                    ? new File(location, "target/classes").getPath() : location.getPath());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The text of Program Token's issuer field ({@code program.issuer}), empty when it is not shown. */
    private static String issuerShown(org.eclipse.swt.widgets.Control control) {
        if ("program.issuer".equals(control.getData(org.tokenbench.ui.internal.views.Widgets.ID_KEY))
                && control instanceof org.eclipse.swt.widgets.Label label) {
            return label.getText();
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                String shown = issuerShown(child);
                if (!shown.isEmpty()) {
                    return shown;
                }
            }
        }
        return "";
    }
}
