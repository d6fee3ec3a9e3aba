package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpType;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.ui.DeviceView;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.UiInteraction;

/**
 * The OATH credentials of one device (any driver offering {@link CredentialStore}), opened from the Devices view: each
 * credential with its live code and the seconds it stays valid, refreshed when a step ends; touch and HOTP credentials
 * are computed on request (a touch credential says "touch the key"); a credential is added from an otpauth URI, a
 * QR code on the screen or in an image, as in Program Token. Device work runs in {@link DeviceJob}s.
 */
public final class CredentialsView extends ViewPart implements DeviceView {

    public static final String ID = "org.tokenbench.ui.views.credentials";

    private QrKeyInput qrInput;
    private ServiceHandle<DeviceService> devices;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private Interaction interaction;
    private Label device;
    private TableViewer table;
    private Text uriText;
    private Button touch;
    private Label status;
    private String deviceId;
    private List<CredentialStore.Code> codes = List.of();
    private boolean reading;

    @Override
    public void createPartControl(Composite parent) {
        devices = new ServiceHandle<>(DeviceService.class);
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        interaction = new UiInteraction(parent.getDisplay(), this::setStatus);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);

        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        device = new Label(top, SWT.NONE);
        device.setText("Double-click a YKOATH device (YubiKey…) in the Devices view.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(device);
        ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH, () -> refresh()).enabledWhen(() -> deviceId != null && ViewCommand.idle(deviceId)).button(top, "Refresh");
        ViewCommand.activate(getSite(), TokenBenchCommands.COMPUTE_CODE, () -> computeSelected()).enabledWhen(this::canWorkOnSelected).button(top, "Compute Selected").setToolTipText("Touch and HOTP credentials are computed on request");
        ViewCommand.activate(getSite(), TokenBenchCommands.DELETE, () -> deleteSelected()).enabledWhen(this::canWorkOnSelected).button(top, "Delete Selected…");

        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.getTable().setHeaderVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.<CredentialStore.Code>textColumn(table, "Credential", 260, c -> c.credential().name());
        Widgets.<CredentialStore.Code>textColumn(table, "Code", 110, CredentialsView::codeText);
        Widgets.<CredentialStore.Code>textColumn(table, "Valid for", 80, CredentialsView::validFor);
        Widgets.<CredentialStore.Code>textColumn(table, "Kind", 200, c -> c.credential().type() + ", " + c.credential().algorithm() + ", "
                + c.credential().digits() + " digits" + (c.credential().type() == CredentialStore.Type.TOTP ? ", " + c.credential().periodSeconds() + " s" : "")
                + (c.credential().requiresTouch() ? ", touch" : ""));
        table.addDoubleClickListener(e -> computeSelected());
        table.addSelectionChangedListener(e -> ViewCommand.update(getSite()));
        ViewCommand.contextMenu(getSite(), table);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 200).applyTo(table.getControl());

        Composite add = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(add);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(add);
        new Label(add, SWT.NONE).setText("Add (otpauth:// URI, shown masked):");
        uriText = new Text(add, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(uriText);
        qrInput = new QrKeyInput(uriText, this::setStatus, this::explain, this::takeCode);
        ViewCommand scan = ViewCommand.activate(getSite(), TokenBenchCommands.SCAN_SCREEN, qrInput::scanScreen);
        scan.button(add, "Scan Screen").setToolTipText("Find QR codes on every monitor");
        qrInput.whileScanning(scan::setEnabled);
        ViewCommand.activate(getSite(), TokenBenchCommands.LOAD_IMAGE, qrInput::chooseImage).button(add, "Load Image…");
        touch = new Button(add, SWT.CHECK);
        touch.setText("Require touch");
        ViewCommand.activate(getSite(), TokenBenchCommands.ADD_CREDENTIAL, () -> addCredential()).enabledWhen(() -> deviceId != null && ViewCommand.idle(deviceId)).button(add, "Add to Device");

        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(status);
        tick();
    }

    /** From the Devices view: show this device's credentials. */
    @Override
    public void showDevice(String newDeviceId) {
        deviceId = newDeviceId;
        device.setText(newDeviceId);
        device.getParent().layout(true, true);
        refresh();
    }

    /** Replaces how the view asks the user (tests script the answers; the default opens dialogs). */
    public void setInteraction(Interaction newInteraction) {
        this.interaction = newInteraction;
    }

    /** Reads every credential and the codes the device computes without a touch. */
    public Job refresh() {
        if (deviceId == null) {
            setStatus("No device: double-click a YKOATH device in the Devices view.");
            return null;
        }
        reading = true;
        Display display = table.getControl().getDisplay();
        return onDevice("Reading OATH credentials", store -> {
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            display.asyncExec(() -> show(read, read.size() + " credential" + (read.size() == 1 ? "" : "s") + " on the device."));
        });
    }

    /** Computes the selected credential (a touch credential first asks for the touch). */
    public Job computeSelected() {
        Optional<CredentialStore.Credential> selected = selectedOrSay();
        if (selected.isEmpty()) {
            return null;
        }
        String name = selected.get().name();
        if (selected.get().requiresTouch()) {
            setStatus("Touch the key to compute the code of " + name + "…");
        }
        Display display = table.getControl().getDisplay();
        return onDevice("Computing " + name, store -> {
            CredentialStore.Code computed = store.calculate(name, Instant.now());
            display.asyncExec(() -> {
                List<CredentialStore.Code> updated = new ArrayList<>(codes);
                updated.replaceAll(c -> c.credential().name().equals(name) ? computed : c);
                show(updated, "Code of " + name + " computed.");
            });
        });
    }

    public Job deleteSelected() {
        Optional<String> name = selectedOrSay().map(CredentialStore.Credential::name);
        if (name.isEmpty()) {
            return null;
        }
        Interaction asking = interaction;
        return onDevice("Deleting " + name.get(), store -> {
            if (!asking.confirm("Delete '" + name.get() + "' from the device? Codes from it stop working.")) {
                asking.inform("Nothing deleted.");
                return;
            }
            store.delete(name.get());
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            table.getControl().getDisplay().asyncExec(() -> show(read, name.get() + " deleted."));
        });
    }

    /** Adds the credential of the URI in the field (an existing name is overwritten only after a yes). */
    public Job addCredential() {
        String text = uriText.getText().strip();
        if (text.isEmpty()) {
            setStatus("Paste an otpauth:// URI, or scan its QR code, first.");
            return null;
        }
        OtpAccount account;
        try {
            account = OtpAuthUri.parse(text);
        } catch (OtpException e) {
            setStatus(explain(e));
            return null;
        }
        Optional<HashAlgorithm> algorithm = HashAlgorithm.parse(account.params().algorithm().name());
        String issuer = account.params().issuer();
        String user = account.params().account();
        CredentialStore.Credential credential = new CredentialStore.Credential(issuer.isEmpty() ? user : user.isEmpty() ? issuer : issuer + ":" + user,
                account.params().type() == OtpType.HOTP ? CredentialStore.Type.HOTP : CredentialStore.Type.TOTP,
                algorithm.orElse(HashAlgorithm.SHA1), account.params().digits(), account.params().periodSeconds(), touch.getSelection());
        Interaction asking = interaction;
        Display display = table.getControl().getDisplay();
        Job job = onDevice("Adding " + credential.name(), store -> {
            try {
                store.put(credential, account.secret(), account.params().counter(), asking);
            } finally {
                account.close();
            }
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            display.asyncExec(() -> {
                uriText.setText("");
                show(read, credential.name() + " added.");
            });
        });
        if (job == null) {
            account.close();
        }
        return job;
    }

    public void requireTouch(boolean required) {
        touch.setSelection(required);
    }

    /** Takes a key from elsewhere (tests, another view). */
    public void useKey(String otpauthUri) {
        uriText.setText(otpauthUri);
    }

    /** "name  code" per row, as the table shows it. */
    public List<String> rows() {
        return codes.stream().map(c -> c.credential().name() + "  " + codeText(c)).toList();
    }

    public String statusText() {
        return status.getText();
    }

    // ---- internals ----

    @FunctionalInterface
    private interface StoreWork {
        void run(CredentialStore store) throws TokenException;
    }

    /** A DeviceJob that opens the device, takes its credential store and runs {@code work}; failures go to the status line. */
    private Job onDevice(String name, StoreWork work) {
        Optional<DeviceService> service = devices.get();
        if (deviceId == null || service.isEmpty()) {
            setStatus(service.isEmpty() ? "The devices service is not running." : "No device: double-click one in the Devices view.");
            return null;
        }
        Display display = table.getControl().getDisplay();
        String id = deviceId;
        Interaction asking = interaction;
        return DeviceJob.schedule(name, id, monitor -> {
            try (DeviceSession session = service.get().open(id, OpenOptions.of(asking))) {
                CredentialStore store = session.feature(CredentialStore.class).orElseThrow(() -> new TokenException(
                        org.tokenbench.core.ErrorCode.of(org.tokenbench.core.ErrorCode.TOKENBENCH, 0x0004),
                        "the " + session.family().name() + " holds no OATH credentials"));
                work.run(store);
            } finally {
                display.asyncExec(() -> reading = false);
            }
        }, e -> display.asyncExec(() -> setStatus(explain(e))));
    }

    /** Compute and Delete: a credential selected, and no Job on its device. */
    private boolean canWorkOnSelected() {
        return table != null && !table.getSelection().isEmpty() && deviceId != null && ViewCommand.idle(deviceId);
    }

    /** The selected credential; without one, the status line asks for a selection. */
    private Optional<CredentialStore.Credential> selectedOrSay() {
        Object first = ((IStructuredSelection) table.getSelection()).getFirstElement();
        if (first == null) {
            setStatus("Select a credential first.");
        }
        return Optional.ofNullable((CredentialStore.Code) first).map(CredentialStore.Code::credential);
    }

    private void show(List<CredentialStore.Code> read, String message) {
        if (table.getControl().isDisposed()) {
            return;
        }
        codes = List.copyOf(read);
        table.setInput(codes);
        setStatus(message);
    }

    private static String codeText(CredentialStore.Code code) {
        return code.code().orElseGet(() -> code.whyNot().map(why -> why.startsWith("HOTP") ? "(compute on request)" : why).orElse(""));
    }

    private static String validFor(CredentialStore.Code code) {
        if (code.code().isEmpty() || code.validUntil().equals(Instant.MAX)) {
            return "";
        }
        long left = code.validUntil().getEpochSecond() - Instant.now().getEpochSecond();
        return left > 0 ? left + " s" : "expired";
    }

    /** Once a second: the countdowns; when a shown code expired, the device is read again. */
    private void tick() {
        if (table.getControl().isDisposed()) {
            return;
        }
        table.refresh();
        boolean expired = codes.stream().anyMatch(c -> c.code().isPresent() && !c.validUntil().equals(Instant.MAX)
                && c.validUntil().isBefore(Instant.now()));
        if (expired && !reading && deviceId != null) {
            refresh();
        }
        table.getControl().getDisplay().timerExec(1000, this::tick);
    }

    /** Decodes every QR code in an image file into the URI field, in a Job (several → the user picks one). */
    public Job loadImage(Path file) {
        return qrInput.loadImage(file);
    }

    /** The chosen QR code's payload goes into the URI field. */
    private void takeCode(FoundCode code, int found) {
        uriText.setText(code.payload());
        setStatus("Key read from the QR code in " + code.where() + ": choose touch or not, then Add to Device.");
    }

    private String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout(true, true);
        }
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        devices.close();
        diagnostics.close();
        super.dispose();
    }
}
