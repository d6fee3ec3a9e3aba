package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.device.Device;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.ui.QrImages;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * The seed-000 flow in the real workbench: a QR image loaded → fields filled → a virtual SafeID token in
 * vsmartcard's reader (real pcscd) identified by the Devices view → connected → burnt in a Job → confirmed with
 * the code the token displays, typed into the dialog that asks for it. Driven through the view's widgets and commands
 * only, and asserted through its message texts: it passes in English and in Chinese ({@code -nl zh_CN}).
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

    /** The fields the key section shows for {@link #URI} (or its "backup" account). */
    private static String fields(String account) {
        return "Example Cloud | " + account + " | " + NLS.bind(org.tokenbench.ui.internal.model.Messages.program_keySettings,
                new Object[] {"TOTP", "SHA1", 6, 30});
    }

    private static boolean programmed(String status, String serial) {
        return status.startsWith(NLS.bind(Messages.program_programmed, serial))
                || status.startsWith(before(NLS.bind(Messages.program_programmedOffset, serial, MARK)));
    }

    private static final String MARK = "\u0001";

    /** A message's text up to where {@link #MARK} was bound into it. */
    private static String before(String bound) {
        return bound.substring(0, bound.indexOf(MARK));
    }

    /** Answers the burn's question "which code does the token show": types the token's display into the dialog. */
    private static DialogAnswers readingTheDisplay(SafeIdVirtualToken token) {
        return new DialogAnswers(dialog -> DialogAnswers.typeAndOk(dialog, token.displayedCode()));
    }

    @Test
    void programsATokenFromAQrImageAndConfirmsIt() throws Exception {
        ProgramTokenForm form = ProgramTokenForm.show();
        IWorkbenchPage page = form.page();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        form = ProgramTokenForm.show();

        Path image = Files.write(dir.resolve("console-qr.png"), QrEncoder.png(URI, 6));
        JobWatch.finished(QrImages.openInProgramToken(page.getWorkbenchWindow(), image));
        assertEquals(fields("ops@example.com"), form.fields());
        assertTrue(form.status().startsWith(NLS.bind(Messages.program_keyFromQr, "console-qr.png")), form.status());
        ProgramTokenForm shown = form;
        String[] around = NLS.bind(Messages.program_secondsLeft, MARK, MARK).split(MARK, -1);
        String live = java.util.regex.Pattern.quote(around[0]) + "\\d{6}" + java.util.regex.Pattern.quote(around[1]) + "\\d+"
                + java.util.regex.Pattern.quote(around[2]);
        DisplayWait.until(() -> shown.text("program.liveCode").matches(live), 5, () -> shown.text("program.liveCode") + " !~ " + live);

        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-UI-0001");
        reader.insert(token);
        Device claimed = claimed(devices, "TB-UI-0001");
        assertEquals(SAFEID, claimed.claim().orElseThrow().driver().id(), DevicesTable.devices(devices).toString());

        try (JobWatch jobs = new JobWatch()) {
            WidgetFinder.click(page.getWorkbenchWindow().getShell(), "program.refresh");
            jobs.finished(Messages.program_lookingForTokens);
            form.chooseDevice(VirtualReader.NAME);
            form.run(TokenBenchCommands.CONNECT);
            jobs.finished(NLS.bind(Messages.program_connecting, VirtualReader.NAME));
        }
        DisplayWait.until(() -> shown.token().contains("TB-UI-0001"));
        String family = claimed.claim().orElseThrow().family().name();
        assertTrue(form.token().startsWith(NLS.bind(Messages.program_tokenSummary, family, "TB-UI-0001")), form.token());
        assertTrue(form.token().contains(before(NLS.bind(Messages.program_tokenTime, MARK, MARK))), "the token's clock: " + form.token());
        // Exactly the family's choices, from its driver's descriptor.
        assertEquals(claimed.claim().orElseThrow().family().displaySeconds().stream().map(String::valueOf).toList(), form.displayTimes());
        assertEquals(NLS.bind(org.tokenbench.ui.internal.model.Messages.program_keyFits, family), form.text("program.settingsCheck"));
        // Ready to burn: the key's fields, the token read, the key fits.
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("program-token-ready-1280x800.png"));

        try (JobWatch jobs = new JobWatch(); DialogAnswers user = readingTheDisplay(token)) {
            form.run(TokenBenchCommands.BURN);
            Job burn = jobs.finished(NLS.bind(Messages.program_programming, "TB-UI-0001"));
            assertEquals(IStatus.OK, burn.getResult().getSeverity(), form.status());
        }
        DisplayWait.until(() -> programmed(shown.status(), "TB-UI-0001"), 5, shown::status);
        assertTrue(token.hasSeed());
        assertFalse(form.status().contains("GEZDGNBV"), "the key must not be shown");
        assertEquals("", form.keyField(), "the key field is emptied once the token holds the key");

        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("program-token-1280x800.png"));
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1920, 1080, ScreenshotNames.of("program-token-1920x1080.png"));
    }

    /** The clock-skew bound is a preference; a token off by more is not programmed, and the APDU trace hides the seed. */
    @Test
    void theSkewBoundPreferenceStopsABurnAndTheTraceRedactsTheSeed() throws Exception {
        var store = TokenBenchPreferences.store();
        store.setValue(TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS, 20);
        store.setValue(TokenBenchPreferences.TRACE_APDUS, true);
        try {
            ProgramTokenForm form = ProgramTokenForm.show();
            IWorkbenchPage page = form.page();
            form.typeKey(URI);
            SafeIdVirtualToken token = new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, "TB-UI-SKEW", 90,
                    () -> System.currentTimeMillis() / 1000);
            reader.insert(token);
            DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
            claimed(devices, "TB-UI-SKEW");
            form = ProgramTokenForm.show();
            connect(form, "TB-UI-SKEW");
            ProgramTokenForm shown = form;
            try (JobWatch jobs = new JobWatch()) {
                form.run(TokenBenchCommands.BURN);
                Job burn = jobs.finished(NLS.bind(Messages.program_programming, "TB-UI-SKEW"));
                assertEquals(IStatus.ERROR, burn.getResult().getSeverity(), "the Progress view must not report success");
            }
            DisplayWait.until(() -> shown.status().contains("[tokenbench:0x0003]"), 5, shown::status);
            assertTrue(form.status().contains("20"), "says the bound: " + form.status());
            assertFalse(token.hasSeed(), "nothing is written when the clocks disagree");
            var apdus = org.tokenbench.ui.internal.views.ActivityView.traceRows();
            assertFalse(apdus.isEmpty(), "the trace preference records APDUs");
        } finally {
            store.setToDefault(TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS);
            store.setToDefault(TokenBenchPreferences.TRACE_APDUS);
        }
    }

    /**
     * Issue 13: a token opened with its vendor's published key is flagged in the view; with the token's own key file
     * (hex, as the CLI's --key-file) the warning goes and the burn authenticates with that key. A file that is not a
     * hex key is refused when chosen, without quoting it.
     */
    @Test
    void theTransportKeyComesFromAKeyFileAndThePublishedKeyIsFlagged() throws Exception {
        ProgramTokenForm form = ProgramTokenForm.show();
        IWorkbenchPage page = form.page();
        form.useKeyFile("");
        form.typeKey(URI);
        byte[] ownKey = java.util.HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
        SafeIdVirtualToken token = new SafeIdVirtualToken(ownKey, "TB-UI-KEYFILE", 0, () -> System.currentTimeMillis() / 1000);
        reader.insert(token);
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        claimed(devices, "TB-UI-KEYFILE");
        form = ProgramTokenForm.show();
        connect(form, "TB-UI-KEYFILE");
        assertEquals(Messages.program_publishedKeyWarning, form.publishedKeyWarning());

        Path notHex = Files.writeString(dir.resolve("wrong.key"), "GEZDGNBVGY3TQOJQ\n");
        form.useKeyFile(notHex.toString());
        assertTrue(form.status().contains(Messages.program_keyFileNotAKey), form.status() + " lacks " + Messages.program_keyFileNotAKey);
        assertFalse(form.status().contains("GEZDGNBV"), "the file's text is not quoted");
        assertFalse(form.status().contains("wrong.key"), "nor its name");
        assertEquals(Messages.program_publishedKeyWarning, form.publishedKeyWarning(), "a refused file changes nothing");
        assertEquals("", form.keyFile(), "a refused file changes nothing");

        // A key pasted into the file name's field by mistake is neither shown back nor kept in the field.
        String pastedKey = "00112233445566778899AABBCCDDEEFF";
        form.useKeyFile(pastedKey);
        assertTrue(form.status().contains(Messages.program_keyFileUnreadable), form.status() + " lacks " + Messages.program_keyFileUnreadable);
        assertFalse(form.status().contains(pastedKey), form.status());
        assertFalse(form.status().contains("--key-file") || form.status().contains("command line"), "no command-line wording: " + form.status());
        assertEquals("", form.keyFile(), "the pasted key leaves the field");

        Path keyFile = Files.writeString(dir.resolve("transport.key"), "00112233 44556677 8899AABB CCDDEEFF\n");
        form.useKeyFile(keyFile.toString());
        assertEquals(Messages.program_keyFileTaken, form.status());
        assertEquals(keyFile.toString(), form.keyFile(), "the file chosen");
        assertEquals("", form.publishedKeyWarning(), "and no warning");
        ProgramTokenForm shown = form;
        try (JobWatch jobs = new JobWatch(); DialogAnswers user = readingTheDisplay(token)) {
            form.run(TokenBenchCommands.BURN);
            jobs.finished(NLS.bind(Messages.program_programming, "TB-UI-KEYFILE"));
        }
        DisplayWait.until(() -> programmed(shown.status(), "TB-UI-KEYFILE"), 10, shown::status);
        assertTrue(token.hasSeed(), "burnt with the key from the file");
        assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "the published key was never tried");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("program-token-key-file-1280x800.png"));
        form.useKeyFile("");
    }

    /** Chooses the token's reader and runs Connect; waits until the view shows the token. */
    private static void connect(ProgramTokenForm form, String serial) throws Exception {
        try (JobWatch jobs = new JobWatch()) {
            form.chooseDevice(VirtualReader.NAME);
            form.run(TokenBenchCommands.CONNECT);
            jobs.finished(NLS.bind(Messages.program_connecting, VirtualReader.NAME));
        }
        DisplayWait.until(() -> form.token().contains(serial), 10, form::token);
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

        ProgramTokenForm form = ProgramTokenForm.show();
        IWorkbenchPage page = form.page();
        java.util.List<String> offered = new java.util.ArrayList<>();
        // The real picker: its choices read, its screenshot kept, the second code chosen and "Use this code" pressed.
        try (DialogAnswers user = new DialogAnswers(picker -> {
            java.util.List<Button> choices = new java.util.ArrayList<>();
            collect(picker, Button.class, radio -> (radio.getStyle() & org.eclipse.swt.SWT.RADIO) != 0, choices);
            for (Button choice : choices) {
                offered.add(choice.getText().lines().findFirst().orElse(""));
                assertEquals(org.tokenbench.ui.internal.views.QrCodePicker.THUMBNAIL,
                        Math.max(choice.getImage().getBounds().width, choice.getImage().getBounds().height));
                choice.setSelection(choice.getText().contains("backup@example.com"));
            }
            try {
                Screenshots.save(picker, 0, 0, ScreenshotNames.of("qr-code-picker.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            DialogAnswers.press(picker.getDefaultButton());
        })) {
            JobWatch.finished(QrImages.openInProgramToken(page.getWorkbenchWindow(), image));
            DisplayWait.until(() -> offered.size() == 2, 10, offered::toString);
        }
        assertEquals(java.util.List.of("Example Cloud (ops@example.com)", "Example Cloud (backup@example.com)"), offered.stream().sorted(
                java.util.Comparator.reverseOrder()).toList());
        ProgramTokenForm shown = form;
        DisplayWait.until(() -> shown.fields().equals(fields("backup@example.com")), 5, shown::fields);
        assertEquals(NLS.bind(Messages.program_keyFromQrOfSeveral, "two-codes.png", 2), form.status());
    }

    private static <W extends org.eclipse.swt.widgets.Control> void collect(org.eclipse.swt.widgets.Control control, Class<W> type,
            java.util.function.Predicate<W> which, java.util.List<W> found) {
        if (type.isInstance(control) && which.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (var child : composite.getChildren()) {
                collect(child, type, which, found);
            }
        }
    }

    /** Paste Image (the command, as Ctrl+Shift+V runs it) from the clipboard: the X11 selection of this very process under Xvfb. */
    @Test
    void aQrImageIsTakenFromTheClipboard() throws Exception {
        ProgramTokenForm form = ProgramTokenForm.show();
        org.eclipse.swt.widgets.Display display = form.page().getWorkbenchWindow().getShell().getDisplay();
        var data = new org.eclipse.swt.graphics.ImageData(new java.io.ByteArrayInputStream(QrEncoder.png(URI, 5)));
        var clipboard = new org.eclipse.swt.dnd.Clipboard(display);
        try {
            clipboard.setContents(new Object[] {data}, new org.eclipse.swt.dnd.Transfer[] {org.eclipse.swt.dnd.ImageTransfer.getInstance()});
            form.typeKey("");
            try (JobWatch jobs = new JobWatch()) {
                form.run(TokenBenchCommands.PASTE_IMAGE);
                jobs.finished(NLS.bind(Messages.program_lookingIn, Messages.qr_clipboard));
            }
            assertEquals(fields("ops@example.com"), form.fields());
            clipboard.clearContents();
            form.run(TokenBenchCommands.PASTE_IMAGE);
            assertEquals(Messages.program_clipboardNoImage, form.status());
        } finally {
            clipboard.dispose();
        }
    }

    @Test
    void anImageWithoutAnOtpCodeSaysWhy() throws Exception {
        ProgramTokenForm form = ProgramTokenForm.show();
        var window = form.page().getWorkbenchWindow();
        Path image = Files.write(dir.resolve("link.png"), QrEncoder.png("https://console.example.com/help", 6));
        JobWatch.finished(QrImages.openInProgramToken(window, image));
        assertTrue(form.status().startsWith(before(NLS.bind(Messages.program_qrNotUsable, "link.png", MARK))), form.status());
        JobWatch.finished(QrImages.openInProgramToken(window, dir.resolve("missing.png")));
        assertTrue(form.status().contains("[qr:0x0001]"), form.status());
    }

    /**
     * Issue 19: Connect and Refresh while a burn runs. The burn completes and holds the device from authentication to
     * the seed (no APDU of another session in between, no power-off); Connect and Burn are disabled meanwhile (the
     * commands do not run); the Refreshes run beside it without touching its session; the token holds the seed, and a
     * Connect afterwards reads it.
     */
    @Test
    void connectAndRefreshDuringABurnWaitForIt() throws Exception {
        ProgramTokenForm form = ProgramTokenForm.show();
        IWorkbenchPage page = form.page();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        form = ProgramTokenForm.show();
        form.typeKey(URI);
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-UI-BUSY");
        RecordingCard card = new RecordingCard(token);
        var host = reader.insert(card);
        claimed(devices, "TB-UI-BUSY");
        connect(form, "TB-UI-BUSY");
        assertTrue(form.enabled("program.burn"), form.text("program.settingsCheck"));

        ProgramTokenForm shown = form;
        host.answerSlowly(java.time.Duration.ofMillis(200));
        try (JobWatch jobs = new JobWatch(); DialogAnswers user = readingTheDisplay(token)) {
            form.run(TokenBenchCommands.BURN);
            Job burn = jobs.started(NLS.bind(Messages.program_programming, "TB-UI-BUSY"));
            DisplayWait.until(() -> burn.getState() == Job.RUNNING, 5);
            assertFalse(form.enabled("program.burn"), "Burn is disabled while a burn runs");
            assertFalse(form.enabled("program.connect"), "Connect is disabled while a burn runs");
            assertFalse(form.runs(TokenBenchCommands.BURN), "a second Burn (Ctrl+Shift+B) does not run");
            assertFalse(form.runs(TokenBenchCommands.CONNECT), "Connect from the menu does not run either");
            WidgetFinder.click(page.getWorkbenchWindow().getShell(), "program.refresh");
            Job refreshTokens = jobs.started(Messages.program_lookingForTokens);
            Job refreshDevices = devices.refresh();
            JobWatch.finished(burn);
            host.answerSlowly(java.time.Duration.ZERO);
            JobWatch.finished(refreshTokens);
            JobWatch.finished(refreshDevices);
            assertEquals(IStatus.OK, burn.getResult().getSeverity(), form.status());
        }
        DisplayWait.until(() -> programmed(shown.status(), "TB-UI-BUSY"), 5, shown::status);
        assertTrue(token.hasSeed(), "the token holds the seed");
        DisplayWait.until(() -> !shown.enabled("program.burn") && shown.enabled("program.connect"), 5);
        int burnt = card.log().size();
        connect(form, "TB-UI-BUSY");

        List<String> apdus = card.log();
        int seed = apdus.indexOf("84C5 9000");
        assertTrue(seed > 0, "the token saw the seed written: " + apdus);
        int authenticated = apdus.subList(0, seed).lastIndexOf("80CE 9000");
        assertTrue(authenticated >= 0, "authenticated before the seed: " + apdus);
        for (String between : apdus.subList(authenticated + 1, seed)) {
            // The burn's own secure-messaging commands only: another session would reset the card and probe it (80 41).
            assertTrue(between.startsWith("84") && between.endsWith("9000"), "only the burn's commands between authentication and seed: " + apdus);
        }
        assertTrue(apdus.subList(burnt, apdus.size()).stream().anyMatch(a -> a.startsWith("8041")),
                "the Connect read the token after the burn: " + apdus);
    }

    private static Device claimed(DevicesView devices, String serial) {
        DisplayWait.until(() -> DevicesTable.devices(devices).stream().anyMatch(d -> d.serial().equals(Optional.of(serial))), 15);
        return DevicesTable.devices(devices).stream().filter(d -> d.serial().equals(Optional.of(serial))).findFirst().orElseThrow();
    }
}
