package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.device.Device;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/**
 * The seed-000 flow in the real workbench: a QR image loaded → fields filled → a virtual SafeID token in
 * vsmartcard's reader (real pcscd) identified by the Devices view → connected → burnt in a Job → confirmed with
 * the code the token displays.
 */
class ProgramTokenViewTest {

    private static final String URI = "otpauth://totp/Example%20Cloud:ops%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Example%20Cloud&period=30";

    private static final String SAFEID = "org.tokenbench.driver.safeid";

    private final VirtualReader reader = new VirtualReader();

    @TempDir
    Path dir;

    @AfterEach
    void takeTheTokenOut() throws Exception {
        reader.remove();
    }

    @Test
    void programsATokenFromAQrImageAndConfirmsIt() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);

        Path image = Files.write(dir.resolve("console-qr.png"), QrEncoder.png(URI, 6));
        decoded(view.loadImage(image));
        assertEquals("Example Cloud | ops@example.com | TOTP, SHA1, 6 digits, 30 s", view.fieldsText());
        DisplayWait.until(() -> view.liveCodeText().matches("\\d{6} {3}\\(\\d+ s left\\)"));

        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-UI-0001");
        reader.insert(token);
        Device claimed = claimed(devices, "TB-UI-0001");
        assertEquals(SAFEID, claimed.claim().orElseThrow().driver().id(), DevicesTable.devices(devices).toString());

        join(view.refreshDevices());
        view.selectDevice(VirtualReader.NAME);
        join(view.connect());
        DisplayWait.until(() -> view.tokenText().contains("serial TB-UI-0001"));
        assertTrue(view.tokenText().contains("token time"), view.tokenText());
        // Exactly the family's choices, from its driver's descriptor.
        assertEquals(claimed.claim().orElseThrow().family().displaySeconds().stream().map(String::valueOf).toList(), view.displayTimeChoices());

        ScriptedInteraction user = new ScriptedInteraction(true, token::displayedCode);
        view.setInteraction(user);
        join(view.burn());
        DisplayWait.until(() -> view.statusText().startsWith("Token TB-UI-0001 programmed and confirmed"));
        assertTrue(token.hasSeed());
        assertFalse(view.statusText().contains("GEZDGNBV"), "the key must not be shown");

        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "program-token-1280x800.png");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1920, 1080, "program-token-1920x1080.png");
    }

    /** The clock-skew bound is a preference; a token off by more is not programmed, and the APDU trace hides the seed. */
    @Test
    void theSkewBoundPreferenceStopsABurnAndTheTraceRedactsTheSeed() throws Exception {
        var store = org.tokenbench.ui.internal.preferences.TokenBenchPreferences.store();
        store.setValue(org.tokenbench.ui.internal.preferences.TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS, 20);
        store.setValue(org.tokenbench.ui.internal.preferences.TokenBenchPreferences.TRACE_APDUS, true);
        try {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
            view.useKey(URI);
            SafeIdVirtualToken token = new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, "TB-UI-SKEW", 90,
                    () -> System.currentTimeMillis() / 1000);
            reader.insert(token);
            DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
            claimed(devices, "TB-UI-SKEW");
            view.selectDevice(VirtualReader.NAME);
            join(view.connect());
            DisplayWait.until(() -> view.tokenText().contains("serial TB-UI-SKEW"), 10);
            view.setInteraction(new ScriptedInteraction(true, token::displayedCode));
            join(view.burn());
            DisplayWait.until(() -> view.statusText().contains("[tokenbench:0x0003]"));
            assertTrue(view.statusText().contains("allowed: 20 s"), view.statusText());
            assertFalse(token.hasSeed(), "nothing is written when the clocks disagree");
            var apdus = org.tokenbench.ui.internal.views.ActivityView.traceRows();
            assertFalse(apdus.isEmpty(), "the trace preference records APDUs");
        } finally {
            store.setToDefault(org.tokenbench.ui.internal.preferences.TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS);
            store.setToDefault(org.tokenbench.ui.internal.preferences.TokenBenchPreferences.TRACE_APDUS);
        }
    }

    /**
     * Issue 13: a token opened with its vendor's published key is flagged in the view; with the token's own key file
     * (hex, as the CLI's --key-file) the warning goes and the burn authenticates with that key. A file that is not a
     * hex key is refused when chosen, without quoting it.
     */
    @Test
    void theTransportKeyComesFromAKeyFileAndThePublishedKeyIsFlagged() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        view.useKeyFile(null);
        view.useKey(URI);
        byte[] ownKey = java.util.HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
        SafeIdVirtualToken token = new SafeIdVirtualToken(ownKey, "TB-UI-KEYFILE", 0, () -> System.currentTimeMillis() / 1000);
        reader.insert(token);
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        claimed(devices, "TB-UI-KEYFILE");
        view.selectDevice(VirtualReader.NAME);
        join(view.connect());
        DisplayWait.until(() -> view.tokenText().contains("serial TB-UI-KEYFILE"), 10);
        assertTrue(view.keyFileText().contains("published default key"), view.keyFileText());

        Path notHex = Files.writeString(dir.resolve("wrong.key"), "GEZDGNBVGY3TQOJQ\n");
        view.useKeyFile(notHex);
        assertTrue(view.statusText().contains("wrong.key cannot be used"), view.statusText());
        assertFalse(view.statusText().contains("GEZDGNBV"), "the file's text is not quoted");
        assertTrue(view.keyFileText().contains("published default key"), "a refused file changes nothing: " + view.keyFileText());

        Path keyFile = Files.writeString(dir.resolve("transport.key"), "00112233 44556677 8899AABB CCDDEEFF\n");
        view.useKeyFile(keyFile);
        assertEquals("transport.key", view.keyFileText(), "the file chosen, and no warning");
        view.setInteraction(new ScriptedInteraction(true, token::displayedCode));
        join(view.burn());
        DisplayWait.until(() -> view.statusText().startsWith("Token TB-UI-KEYFILE programmed and confirmed"), 10);
        assertTrue(token.hasSeed(), "burnt with the key from the file");
        assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "the published key was never tried");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "program-token-key-file-1280x800.png");
        view.useKeyFile(null);
    }

    /** Two OTP codes in one screenshot: the user picks one by its thumbnail. */
    @Test
    void severalCodesArePickedByThumbnail() throws Exception {
        String second = URI.replace("ops%40example.com", "backup%40example.com");
        var a = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(QrEncoder.png(URI, 5)));
        var b = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(QrEncoder.png(second, 5)));
        var both = new java.awt.image.BufferedImage(a.getWidth() + b.getWidth() + 200, Math.max(a.getHeight(), b.getHeight()) + 100,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = both.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(a, 50, 50, null);
        g.drawImage(b, a.getWidth() + 150, 50, null);
        g.dispose();
        Path image = dir.resolve("two-codes.png");
        javax.imageio.ImageIO.write(both, "png", image.toFile());

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        java.util.List<String> offered = new java.util.ArrayList<>();
        view.setCodeChooser((codes, imageOf) -> {
            for (var code : codes) {
                offered.add(String.join(",", code.classification().accounts()));
                var thumbnail = org.tokenbench.ui.internal.views.QrCodePicker.thumbnail(imageOf.apply(code), code.region());
                assertEquals(org.tokenbench.ui.internal.views.QrCodePicker.THUMBNAIL, Math.max(thumbnail.width, thumbnail.height));
            }
            var picker = new org.tokenbench.ui.internal.views.QrCodePicker(page.getWorkbenchWindow().getShell(), codes, imageOf);
            picker.setBlockOnOpen(false);
            picker.open();
            try {
                Screenshots.save(picker.getShell(), 0, 0, "qr-code-picker.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                picker.close();
            }
            return codes.stream().filter(c -> c.payload().equals(second)).findFirst();
        });
        decoded(view.loadImage(image));
        assertEquals(java.util.List.of("Example Cloud (ops@example.com)", "Example Cloud (backup@example.com)"), offered.stream().sorted(
                java.util.Comparator.reverseOrder()).toList());
        assertEquals("Example Cloud | backup@example.com | TOTP, SHA1, 6 digits, 30 s", view.fieldsText());
        assertTrue(view.statusText().contains("(2 codes found)"), view.statusText());
    }

    /** The clipboard (X11 selection of this very process under Xvfb) and files dropped on the view. */
    @Test
    void aQrImageIsTakenFromTheClipboardAndFromDroppedFiles() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        org.eclipse.swt.widgets.Display display = page.getWorkbenchWindow().getShell().getDisplay();
        var data = new org.eclipse.swt.graphics.ImageData(new java.io.ByteArrayInputStream(QrEncoder.png(URI, 5)));
        var clipboard = new org.eclipse.swt.dnd.Clipboard(display);
        try {
            clipboard.setContents(new Object[] {data}, new org.eclipse.swt.dnd.Transfer[] {org.eclipse.swt.dnd.ImageTransfer.getInstance()});
            view.useKey("");
            decoded(view.pasteImage());
            assertEquals("Example Cloud | ops@example.com | TOTP, SHA1, 6 digits, 30 s", view.fieldsText());
            clipboard.clearContents();
            assertEquals(null, view.pasteImage());
            assertTrue(view.statusText().startsWith("The clipboard holds no image"), view.statusText());
        } finally {
            clipboard.dispose();
        }
        view.useKey("");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path image = Files.write(dir.resolve("qr.png"), QrEncoder.png(URI, 4));
        decoded(view.dropFiles(new String[] {text.toString(), image.toString()}));
        assertEquals("Example Cloud | ops@example.com | TOTP, SHA1, 6 digits, 30 s", view.fieldsText());
    }

    @Test
    void anImageWithoutAnOtpCodeSaysWhy() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        Path image = Files.write(dir.resolve("link.png"), QrEncoder.png("https://console.example.com/help", 6));
        decoded(view.loadImage(image));
        assertTrue(view.statusText().contains("not usable") && view.statusText().contains("web link"), view.statusText());
        decoded(view.loadImage(dir.resolve("missing.png")));
        assertTrue(view.statusText().startsWith("Image file cannot be read [qr:0x0001]"), view.statusText());
    }

    /**
     * Issue 19: Connect and Refresh pressed while a burn runs. The burn completes and holds the device from
     * authentication to the seed (no APDU of another session in between, no power-off); the Connect Job waits and runs
     * after it; Connect and Burn are disabled meanwhile; the token holds the seed and shows the code it should.
     */
    @Test
    void connectAndRefreshDuringABurnWaitForIt() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        ProgramTokenView view = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        view.useKey(URI);
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-UI-BUSY");
        RecordingCard card = new RecordingCard(token);
        var host = reader.insert(card);
        claimed(devices, "TB-UI-BUSY");
        view.selectDevice(VirtualReader.NAME);
        join(view.connect());
        DisplayWait.until(() -> view.tokenText().contains("serial TB-UI-BUSY"));
        assertTrue(view.canBurn(), view.settingsCheckText());

        view.setInteraction(new ScriptedInteraction(true, token::displayedCode));
        host.answerSlowly(java.time.Duration.ofMillis(200));
        Job burn = view.burn();
        DisplayWait.until(() -> burn.getState() == Job.RUNNING, 5);
        assertFalse(view.canBurn(), "Burn is disabled while a burn runs");
        assertFalse(view.canConnect(), "Connect is disabled while a burn runs");
        boolean[] burnFinishedWhenConnectRan = new boolean[1];
        // Pressed anyway (a second path to the same action): it must queue behind the burn, not touch its session.
        Job connect = view.connect();
        connect.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void running(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                burnFinishedWhenConnectRan[0] = burn.getResult() != null;
            }
        });
        Job refreshTokens = view.refreshDevices();
        Job refreshDevices = devices.refresh();
        DisplayWait.until(() -> connect.getState() != Job.NONE || connect.getResult() != null, 2);
        if (burn.getResult() == null) {
            assertEquals(Job.WAITING, connect.getState(), "Connect waits for the burn on the same device");
        }
        join(burn);
        host.answerSlowly(java.time.Duration.ZERO);
        join(connect);
        join(refreshTokens);
        join(refreshDevices);

        assertEquals(org.eclipse.core.runtime.IStatus.OK, burn.getResult().getSeverity(), view.statusText());
        // The status line may already show the queued Connect's result; the burn job's own result says it was confirmed.
        assertEquals(org.eclipse.core.runtime.IStatus.OK, connect.getResult().getSeverity());
        assertTrue(burnFinishedWhenConnectRan[0], "the Connect ran after the burn");
        assertTrue(token.hasSeed(), "the token holds the seed");
        DisplayWait.until(() -> view.canBurn() && view.canConnect());

        List<String> apdus = card.log();
        int seed = apdus.indexOf("84C5 9000");
        assertTrue(seed > 0, "the token saw the seed written: " + apdus);
        int authenticated = apdus.subList(0, seed).lastIndexOf("80CE 9000");
        assertTrue(authenticated >= 0, "authenticated before the seed: " + apdus);
        for (String between : apdus.subList(authenticated + 1, seed)) {
            // The burn's own secure-messaging commands only: another session would reset the card and probe it (80 41).
            assertTrue(between.startsWith("84") && between.endsWith("9000"), "only the burn's commands between authentication and seed: " + apdus);
        }
        assertTrue(apdus.subList(seed, apdus.size()).stream().anyMatch(a -> a.startsWith("8041")),
                "the Connect read the token after the seed was written: " + apdus);
    }

    private static Device claimed(DevicesView devices, String serial) {
        DisplayWait.until(() -> DevicesTable.devices(devices).stream().anyMatch(d -> d.serial().equals(Optional.of(serial))), 15);
        return DevicesTable.devices(devices).stream().filter(d -> d.serial().equals(Optional.of(serial))).findFirst().orElseThrow();
    }

    /** Waits for a Job while the display keeps running (its results arrive through asyncExec). */
    static void join(Job job) {
        org.junit.jupiter.api.Assertions.assertNotNull(job, "the view refused to start the Job: see its status line");
        DisplayWait.until(() -> job.getResult() != null, 30);
    }

    /** QR codes are decoded in a Job: waits for it, then for what it handed to the display thread. */
    private static void decoded(org.eclipse.core.runtime.jobs.Job job) throws InterruptedException {
        DisplayWait.until(() -> job.getResult() != null, 10);
        while (org.eclipse.swt.widgets.Display.getCurrent().readAndDispatch()) {
            // the Job's asyncExec (the codes, or why there are none)
        }
    }
}
