package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.swt.widgets.Display;
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
        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        Display display = Display.getCurrent();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (second.isAlive() && System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        String output = new String(second.getInputStream().readAllBytes());
        assertEquals(0, second.exitValue(), "the second launch: " + output);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        ProgramTokenView view = (ProgramTokenView) window.getActivePage().findView(ProgramTokenView.ID);
        while (System.nanoTime() < until && (view == null || !view.fieldsText().contains("Handed"))) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
            view = (ProgramTokenView) window.getActivePage().findView(ProgramTokenView.ID);
        }
        assertTrue(view != null && view.fieldsText().contains("Handed"), "Program Token did not get the handed-over code: "
                + (view == null ? "no view" : view.fieldsText()));
        assertEquals(window.getShell(), display.getActiveShell() == null ? window.getShell() : display.getActiveShell());
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
}
