package org.tokenbench.skf.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceHeldException;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.skf.DeviceInfo;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.skf.SkfLibrary;
import org.tokenbench.skf.internal.DevInfoStruct;
import org.tokenbench.skf.internal.EccPublicKeyBlob;
import org.tokenbench.skf.internal.EccSignatureBlob;
import org.tokenbench.skf.internal.SkfTransport;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.skf.SoftSkf;

/** The SKF transport against the real soft SKF library through JNA: slots, plug events, polling, locking, libraries. */
class SkfTransportTest {

    private static final Duration POLL = Duration.ofMillis(300);
    private static final long EVENT_WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    /** What a watch reported, in order, as text: "+id", "-id", "status:up|down". */
    private static final class Recorder implements TransportListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Slot> slots = new LinkedBlockingQueue<>();
        volatile TransportStatus status;

        @Override
        public void slotChanged(Slot slot) {
            slots.add(slot);
            events.add("+" + slot.id());
        }

        @Override
        public void slotRemoved(String transport, String slotId) {
            events.add("-" + slotId);
        }

        @Override
        public void statusChanged(String transport, TransportStatus newStatus) {
            status = newStatus;
        }

        String next() throws InterruptedException {
            String event = events.poll(EVENT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no slot event within " + EVENT_WAIT_SECONDS + " s");
            }
            return event;
        }
    }

    private SkfTransport transport() {
        return new SkfTransport(dir.resolve("home"), POLL);
    }

    @Test
    void structsArePackedAsGmt0016Declares() {
        assertEquals(DevInfoStruct.SIZE, new DevInfoStruct().size());
        assertEquals(EccPublicKeyBlob.SIZE, new EccPublicKeyBlob().size());
        assertEquals(EccSignatureBlob.SIZE, new EccSignatureBlob().size());
    }

    @Test
    void theTransportIsAServiceWithTheVendorLibrariesFeature() throws Exception {
        List<DeviceTransport> transports = Stream.of(org.osgi.framework.FrameworkUtil.getBundle(SkfTransport.class).getBundleContext())
                .flatMap(c -> {
                    try {
                        OsgiServices.await(DeviceTransport.class);
                        return c.getServiceReferences(DeviceTransport.class, null).stream().map(c::getService);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();
        DeviceTransport skf = transports.stream().filter(t -> t.id().equals("skf")).findFirst().orElseThrow();
        assertEquals(SkfConnection.class, skf.connectionType());
        assertTrue(skf.feature(VendorLibraries.class).isPresent());
    }

    @Test
    void aKeyIsOneSlotNamedAfterItsFamilyWithItsLibrary() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        SkfTransport transport = transport();
        transport.configure("soft-vendor", key.libraryPath());
        List<Slot> slots = transport.slots();
        assertEquals(1, slots.size());
        Slot slot = slots.get(0);
        assertEquals("skf", slot.transport());
        assertEquals(key.libraryPath() + "#SoftSKF USB Key 0", slot.id());
        assertEquals("soft-vendor: SoftSKF USB Key 0", slot.name());
        assertTrue(slot.devicePresent());
        assertTrue(slot.atr().isEmpty());
        assertEquals(Map.of("library", key.libraryPath().toString(), "family", "soft-vendor"), slot.properties());
        assertEquals(Map.of("soft-vendor", key.libraryPath()), transport.configured());
        assertTrue(Files.readString(dir.resolve("home/guomi-libraries.properties")).contains("soft-vendor="));
        try (SkfConnection connection = (SkfConnection) transport.connect(slot.id(), Duration.ofSeconds(1), null)) {
            assertTrue(connection.locked(), "the soft library exports SKF_LockDev");
            DeviceInfo info = connection.device().info();
            assertEquals("TokenBench SoftSKF", info.manufacturer());
        }
    }

    /** Issue 13: a vendor header without #pragma pack(1) makes the library write 296 bytes, read with that layout. */
    @Test
    void anUnpackedDevinfoLandsInTheBuffersSlackAndIsReadWithItsLayout() throws Exception {
        assertEquals(DevInfoStruct.ALIGNED_SIZE, new DevInfoStruct(new com.sun.jna.Memory(512), true).size());
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("label", "Unpacked"));
        SkfTransport transport = transport();
        transport.configure("soft-vendor", key.libraryPath());
        String slot = transport.slots().get(0).id();
        try (SkfConnection connection = (SkfConnection) transport.connect(slot, Duration.ofSeconds(1), null)) {
            DeviceInfo packed = connection.device().info();
            key.faults("unpacked-devinfo");
            DeviceInfo unpacked = connection.device().info();
            assertEquals(packed, unpacked);
            assertEquals("Unpacked", unpacked.label());
            assertTrue(unpacked.supportsSm2() && unpacked.supportsSm3());
            assertEquals(65536, unpacked.totalSpace());
            assertEquals(40960, unpacked.freeSpace());
        }
    }

    @Test
    void configureAndAttachRefuseWhatIsNotAnSkfLibrary() throws Exception {
        SkfTransport transport = transport();
        Path text = Files.writeString(dir.resolve("libfake.so"), "this is text");
        TokenException notLoadable = assertThrows(TokenException.class, () -> transport.configure("fake", text));
        assertEquals("guomi:0x0002", notLoadable.code().toString());
        TokenException missing = assertThrows(TokenException.class, () -> transport.attach(dir.resolve("libnothere.so")));
        assertEquals("guomi:0x0001", missing.code().toString());
        TokenException foreign = assertThrows(TokenException.class, () -> transport.configure("crypto", libcrypto()));
        assertEquals("guomi:0x0003", foreign.code().toString());
        assertTrue(foreign.getMessage().contains("SKF_EnumDev"), foreign.getMessage());
        assertTrue(transport.configured().isEmpty(), "nothing refused was saved");
        assertFalse(Files.exists(dir.resolve("home/guomi-libraries.properties")));
    }

    @Test
    void twoLibrariesSideBySideEachWithItsKey() throws Exception {
        SoftSkf a = SoftSkf.create(SoftSkf.library(), dir.resolve("a"), Map.of("serial", "VENDOR-A-0001", "label", "Key A"));
        SoftSkf b = SoftSkf.create(SoftSkf.copyAsVendor(dir.resolve("lib"), "libvendorb.so"), dir.resolve("b"),
                Map.of("serial", "VENDOR-B-0002", "label", "Key B"));
        SkfTransport transport = transport();
        transport.configure("vendor-a", a.libraryPath());
        Path attached = transport.attach(b.libraryPath());
        assertEquals(b.libraryPath(), attached);
        List<Slot> slots = transport.slots();
        assertEquals(2, slots.size());
        assertNotEquals(slots.get(0).id(), slots.get(1).id());
        assertEquals("libvendorb.so: SoftSKF USB Key 0", slots.get(1).name(), "an attached library without a family is named by its file");
        assertFalse(slots.get(1).properties().containsKey("family"));
        try (SkfConnection keyA = (SkfConnection) transport.connect(slots.get(0).id(), Duration.ofSeconds(1), null);
             SkfConnection keyB = (SkfConnection) transport.connect(slots.get(1).id(), Duration.ofSeconds(1), null)) {
            assertEquals("VENDOR-A-0001", keyA.device().info().serialNumber());
            assertEquals("VENDOR-B-0002", keyB.device().info().serialNumber());
            assertEquals("Key B", keyB.device().info().label());
        }
    }

    @Test
    void unplugAndPlugAreReportedThroughDeviceEvents() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        assertTrue(SkfLibrary.load(key.libraryPath()).hasDeviceEvents());
        unplugAndPlugAreReported(key, Duration.ofSeconds(30));
    }

    @Test
    void unplugAndPlugAreReportedByPollingALibraryWithoutEvents() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.libraryWithoutDeviceEvents(), dir.resolve("key"), Map.of());
        assertFalse(SkfLibrary.load(key.libraryPath()).hasDeviceEvents());
        unplugAndPlugAreReported(key, POLL);
    }

    /** With a poll interval of {@code poll}: event-driven watches must not depend on it (it is set far too long). */
    private void unplugAndPlugAreReported(SoftSkf key, Duration poll) throws Exception {
        SkfTransport transport = new SkfTransport(dir.resolve("home"), poll);
        transport.attach(key.libraryPath());
        String slotId = key.libraryPath() + "#SoftSKF USB Key 0";
        Recorder recorder = new Recorder();
        try (AutoCloseable watch = transport.watch(recorder)) {
            assertEquals("+" + slotId, recorder.next());
            assertTrue(recorder.status.available(), recorder.status.detail());
            key.unplug();
            assertEquals("-" + slotId, recorder.next());
            assertTrue(transport.slots().isEmpty());
            key.plug();
            assertEquals("+" + slotId, recorder.next());
        }
    }

    @Test
    void removingALibraryReportsItsKeysGone() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        SkfTransport transport = transport();
        transport.configure("soft-vendor", key.libraryPath());
        Recorder recorder = new Recorder();
        try (AutoCloseable watch = transport.watch(recorder)) {
            String slotId = key.libraryPath() + "#SoftSKF USB Key 0";
            assertEquals("+" + slotId, recorder.next());
            transport.remove("soft-vendor");
            assertEquals("-" + slotId, recorder.next());
            assertTrue(transport.configured().isEmpty());
        }
    }

    /**
     * Another process ({@code tokenbench guomi library set|remove} in a terminal, its own transport over the same home)
     * changes the libraries file: the watching transport follows without a refresh, renames included, and its
     * look at the file stops with its last listener.
     */
    @Test
    void librariesConfiguredOrRemovedByAnotherProcessAreFollowedWithoutARefresh() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        SkfTransport watching = transport();
        SkfTransport otherProcess = transport();
        String slotId = key.libraryPath() + "#SoftSKF USB Key 0";
        String fileWatch = SkfTransport.FILE_WATCH_THREAD + dir.resolve("home/guomi-libraries.properties");
        Recorder recorder = new Recorder();
        try (AutoCloseable watch = watching.watch(recorder)) {
            assertFalse(recorder.status.available(), "nothing is configured yet: " + recorder.status.detail());
            assertTrue(threadAlive(fileWatch), "the file is looked at while someone listens");

            otherProcess.configure("soft-vendor", key.libraryPath());
            assertEquals("+" + slotId, recorder.next());
            assertEquals("soft-vendor: SoftSKF USB Key 0", recorder.slots.poll().name());
            awaitStatus(recorder, true, "1 of 1 SKF library usable");

            // Renamed: the same library under another family is removed, then listed under its new name.
            otherProcess.remove("soft-vendor");
            otherProcess.configure("renamed", key.libraryPath());
            assertEquals("-" + slotId, recorder.next());
            assertEquals("+" + slotId, recorder.next());
            assertEquals("renamed: SoftSKF USB Key 0", recorder.slots.poll().name());

            otherProcess.remove("renamed");
            assertEquals("-" + slotId, recorder.next());
            awaitStatus(recorder, false, "no vendor SKF library is configured");
            assertTrue(watching.slots().isEmpty());
        }
        for (int i = 0; i < 50 && threadAlive(fileWatch); i++) {
            Thread.sleep(100);
        }
        assertFalse(threadAlive(fileWatch), "the last listener gone, nothing looks at the file");
        otherProcess.configure("soft-vendor", key.libraryPath());
        Thread.sleep(POLL.toMillis() * 3);
        assertTrue(recorder.events.isEmpty(), "no one listens, nothing is reported: " + recorder.events);
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void awaitStatus(Recorder recorder, boolean available, String summary) throws InterruptedException {
        for (int i = 0; i < EVENT_WAIT_SECONDS * 20; i++) {
            TransportStatus status = recorder.status;
            if (status.available() == available && status.summary().equals(summary)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the status never became '" + summary + "': " + recorder.status.summary() + " / " + recorder.status.detail());
    }

    @Test
    void aLibraryThatFailsToLoadIsAStatusNotAnException() throws Exception {
        Path library = SoftSkf.copyAsVendor(dir.resolve("lib"), "libvanishing.so");
        SkfTransport transport = transport();
        transport.configure("vanishing", library);
        Files.delete(library);
        Recorder recorder = new Recorder();
        try (AutoCloseable watch = transport.watch(recorder)) {
            assertFalse(recorder.status.available(), recorder.status.detail());
            assertEquals("guomi:0x0001", recorder.status.code().orElseThrow().toString());
            assertTrue(recorder.status.detail().contains("libvanishing.so"), recorder.status.detail());
            assertTrue(transport.slots().isEmpty());
        }
    }

    @Test
    void aLockedKeyMakesASecondConnectWaitThenFailAsHeld() throws Exception {
        // A copy of the library serving the same key state models a second process: its own handles, the same lock file.
        SoftSkf first = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        SoftSkf second = SoftSkf.create(SoftSkf.copyAsVendor(dir.resolve("other-process"), "libsoftskf.so"), dir.resolve("key"), Map.of());
        SkfTransport transport = transport();
        transport.attach(first.libraryPath());
        transport.attach(second.libraryPath());
        String firstSlot = first.libraryPath() + "#SoftSKF USB Key 0";
        String secondSlot = second.libraryPath() + "#SoftSKF USB Key 0";
        try (SkfConnection holder = (SkfConnection) transport.connect(firstSlot, Duration.ofSeconds(1), null)) {
            assertTrue(holder.locked());
            long start = System.nanoTime();
            DeviceHeldException held = assertThrows(DeviceHeldException.class, () -> transport.connect(secondSlot, Duration.ofMillis(800), null));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 700, "it waited for the key first: " + waitedMillis + " ms");
            assertEquals("guomi:0x0012", held.code().toString());
            assertTrue(held.getMessage().contains("another program is using the key"), held.getMessage());
            holder.device().info();  // the holder is undisturbed
        }
        try (SkfConnection next = (SkfConnection) transport.connect(secondSlot, Duration.ofSeconds(1), null)) {
            assertTrue(next.locked(), "once the holder closed, the key is free");
        }
    }

    @Test
    void theEnvironmentStepsFailAtTheFirstProblemAndSkipTheRest() throws Exception {
        SkfTransport transport = transport();
        List<Checklist.Result> missing = transport.checkEnvironment(dir.resolve("libnothere.so").toString());
        assertEquals(SkfEnvironment.steps(), missing.stream().map(Checklist.Result::step).toList());
        assertEquals("guomi:0x0001", missing.get(0).code().orElseThrow().toString());
        assertEquals(Status.SKIPPED, missing.get(1).status());
        assertEquals(Status.SKIPPED, missing.get(2).status());

        Path notALibrary = Files.writeString(dir.resolve("libfake.so"), "this is text");
        Checklist.Result unloadable = transport.checkEnvironment(notALibrary.toString()).get(0);
        assertEquals("guomi:0x0002", unloadable.code().orElseThrow().toString());
        assertTrue(unloadable.detail().contains("libfake.so"), unloadable.detail());

        List<Checklist.Result> foreign = transport.checkEnvironment(libcrypto().toString());
        assertEquals(Status.PASSED, foreign.get(0).status());
        assertEquals(Status.FAILED, foreign.get(1).status());
        assertEquals("guomi:0x0003", foreign.get(1).code().orElseThrow().toString());

        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        List<Checklist.Result> healthy = transport.checkEnvironment(key.libraryPath().toString());
        assertTrue(healthy.stream().allMatch(r -> r.status() == Status.PASSED), healthy.toString());
        assertTrue(healthy.get(1).detail().endsWith("plus unplug events"), healthy.get(1).detail());
        assertEquals("SoftSKF USB Key 0", healthy.get(2).detail());
        key.unplug();
        Checklist.Result absent = transport.checkEnvironment(key.libraryPath().toString()).get(2);
        assertEquals("guomi:0x0004", absent.code().orElseThrow().toString());
    }

    /** Issue 13: a library others can change warns (its code runs with the PIN) but the check goes on to the key. */
    @Test
    void aLibraryWritableByOthersIsAWarningWithItsOwnCode() throws Exception {
        Path copy = SoftSkf.copyAsVendor(dir.resolve("vendor"), "libvendorskf.so");
        SkfTransport transport = transport();
        java.util.function.Function<String, Checklist.Result> checkWith = permissions -> {
            try {
                Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            List<Checklist.Result> results = transport.checkEnvironment(copy.toString());
            assertEquals(Status.PASSED, results.get(1).status(), "a warning does not stop the checklist: " + results);
            return results.get(0);
        };
        assertEquals(Status.PASSED, checkWith.apply("rwxr-xr-x").status());
        for (String loose : List.of("rwxrwxrwx", "rwxrwxr-x")) {
            Checklist.Result warned = checkWith.apply(loose);
            assertEquals(Status.WARNING, warned.status(), loose);
            assertEquals("guomi:0x0013", warned.code().orElseThrow().toString());
            assertTrue(warned.detail().contains("writable by"), warned.detail());
        }
        if ("root".equals(System.getProperty("user.name"))) {  // CI runs as root: hand the file to another user
            checkWith.apply("rwxr-xr-x");
            Files.setOwner(copy, copy.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            Checklist.Result foreignOwner = checkWith.apply("rwxr-xr-x");
            assertEquals(Status.WARNING, foreignOwner.status());
            assertTrue(foreignOwner.detail().endsWith("owned by user nobody"), foreignOwner.detail());
            Files.setOwner(copy, copy.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        }
        // Whoever can write to a folder on the way can swap the library: a loose folder warns too, naming it.
        Path vendor = copy.getParent();
        try {
            Files.setPosixFilePermissions(vendor, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Checklist.Result looseFolder = checkWith.apply("rwxr-xr-x");
            assertEquals(Status.WARNING, looseFolder.status(), looseFolder.detail());
            assertEquals("guomi:0x0013", looseFolder.code().orElseThrow().toString());
            assertTrue(looseFolder.detail().endsWith("its folder " + vendor.toRealPath() + " is writable by every user"), looseFolder.detail());
            Files.setPosixFilePermissions(vendor, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            if ("root".equals(System.getProperty("user.name"))) {
                Files.setOwner(vendor, vendor.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
                Checklist.Result foreignFolder = checkWith.apply("rwxr-xr-x");
                assertEquals(Status.WARNING, foreignFolder.status());
                assertTrue(foreignFolder.detail().endsWith("is owned by user nobody"), foreignFolder.detail());
            }
        } finally {
            Files.setPosixFilePermissions(vendor, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A real shared library that is not an SKF library: OpenSSL's libcrypto, which the soft key itself uses. */
    private static Path libcrypto() {
        return Stream.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib64/libcrypto.so.3")
                .map(Path::of).filter(Files::isRegularFile).findFirst().orElseThrow();
    }
}
