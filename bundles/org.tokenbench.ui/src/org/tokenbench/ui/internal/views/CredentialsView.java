package org.tokenbench.ui.internal.views;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
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
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.ui.DeviceView;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.UiInteraction;
import org.tokenbench.ui.internal.model.CredentialsModel;

/**
 * The OATH credentials of one device (any driver offering {@link CredentialStore}), opened from the Devices view: each
 * credential with its live code and the seconds it stays valid, refreshed when a step ends; touch and HOTP credentials
 * are computed on request (a touch credential says "touch the key"); a credential is added from an otpauth URI, a
 * QR code on the screen or in an image, as in Program Token. Device work runs in {@link DeviceJob}s; the codes and their
 * rules are a {@link CredentialsModel}, which this view renders.
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
    private final CredentialsModel model = new CredentialsModel();
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
        device = Widgets.id(new Label(top, SWT.NONE), "credentials.device");
        device.setText(Messages.credentials_chooseDevice);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(device);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH, this::refresh).enabledWhen(() -> deviceId != null && ViewCommand.idle(deviceId))
                .button(top, Messages.credentials_refresh), "credentials.refresh");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.COMPUTE_CODE, this::computeSelected).enabledWhen(this::canWorkOnSelected)
                .button(top, Messages.credentials_compute), "credentials.compute").setToolTipText(Messages.credentials_computeTip);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.DELETE, this::deleteSelected).enabledWhen(this::canWorkOnSelected)
                .button(top, Messages.credentials_delete), "credentials.delete");

        table = Widgets.table(parent, SWT.SINGLE, "credentials.codes");
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_name, 260, c -> c.credential().name());
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_code, 110, CredentialsModel::codeText);
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_validFor, 80, c -> CredentialsModel.validFor(c, Instant.now()));
        Widgets.<CredentialStore.Code>textColumn(table, Messages.credentials_kind, 240, c -> CredentialsModel.kind(c.credential()));
        Widgets.fitColumns(table.getTable());
        table.addDoubleClickListener(e -> computeSelected());
        table.addSelectionChangedListener(e -> ViewCommand.update(getSite()));
        ViewCommand.contextMenu(getSite(), table);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 200).applyTo(table.getControl());

        Composite add = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(add);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(add);
        new Label(add, SWT.NONE).setText(Messages.credentials_addPrompt);
        uriText = Widgets.id(new Text(add, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD), "credentials.uri");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(uriText);
        qrInput = new QrKeyInput(uriText, this::setStatus, this::explain, this::takeCode);
        ViewCommand scan = ViewCommand.activate(getSite(), TokenBenchCommands.SCAN_SCREEN, qrInput::scanScreen);
        Widgets.id(scan.button(add, Messages.credentials_scanScreen), "credentials.scanScreen").setToolTipText(Messages.credentials_scanScreenTip);
        qrInput.whileScanning(scan::setEnabled);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.LOAD_IMAGE, qrInput::chooseImage).button(add, Messages.credentials_loadImage),
                "credentials.loadImage");
        touch = Widgets.id(new Button(add, SWT.CHECK), "credentials.touch");
        touch.setText(Messages.credentials_requireTouch);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.ADD_CREDENTIAL, this::addCredential).enabledWhen(() -> deviceId != null && ViewCommand.idle(deviceId))
                .button(add, Messages.credentials_add), "credentials.add");

        status = Widgets.id(new Label(parent, SWT.WRAP), "credentials.status");
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

    /** Reads every credential and the codes the device computes without a touch. */
    private void refresh() {
        if (deviceId == null) {
            setStatus(Messages.credentials_noDevice);
            return;
        }
        reading = true;
        Display display = table.getControl().getDisplay();
        onDevice(Messages.credentials_reading, store -> {
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            display.asyncExec(() -> show(read, NLS.bind(Messages.credentials_count, read.size())));
        });
    }

    /** Computes the selected credential (a touch credential first asks for the touch). */
    private void computeSelected() {
        Optional<CredentialStore.Credential> selected = selectedOrSay();
        if (selected.isEmpty()) {
            return;
        }
        String name = selected.get().name();
        if (selected.get().requiresTouch()) {
            setStatus(NLS.bind(Messages.credentials_touchFor, name));
        }
        Display display = table.getControl().getDisplay();
        onDevice(NLS.bind(Messages.credentials_computing, name), store -> {
            CredentialStore.Code computed = store.calculate(name, Instant.now());
            display.asyncExec(() -> {
                model.computed(computed);
                show(model.codes(), NLS.bind(Messages.credentials_computed, name));
            });
        });
    }

    private void deleteSelected() {
        Optional<String> name = selectedOrSay().map(CredentialStore.Credential::name);
        if (name.isEmpty()) {
            return;
        }
        Interaction asking = interaction;
        onDevice(NLS.bind(Messages.credentials_deleting, name.get()), store -> {
            if (!asking.confirm(NLS.bind(Messages.credentials_confirmDelete, name.get()))) {
                asking.inform(Messages.credentials_nothingDeleted);
                return;
            }
            store.delete(name.get());
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            table.getControl().getDisplay().asyncExec(() -> show(read, NLS.bind(Messages.credentials_deleted, name.get())));
        });
    }

    /** Adds the credential of the URI in the field (an existing name is overwritten only after a yes). */
    private void addCredential() {
        String text = uriText.getText().strip();
        if (text.isEmpty()) {
            setStatus(Messages.credentials_pasteFirst);
            return;
        }
        OtpAccount account;
        try {
            account = OtpAuthUri.parse(text);
        } catch (OtpException e) {
            setStatus(explain(e));
            return;
        }
        CredentialStore.Credential credential = CredentialsModel.credentialOf(account.params(), touch.getSelection());
        Interaction asking = interaction;
        Display display = table.getControl().getDisplay();
        Job job = onDevice(NLS.bind(Messages.credentials_adding, credential.name()), store -> {
            try {
                store.put(credential, account.secret(), account.params().counter(), asking);
            } finally {
                account.close();
            }
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            display.asyncExec(() -> {
                uriText.setText("");
                show(read, NLS.bind(Messages.credentials_added, credential.name()));
            });
        });
        if (job == null) {
            account.close();
        }
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
            setStatus(service.isEmpty() ? Messages.credentials_noService : Messages.credentials_noDevice);
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
            setStatus(Messages.credentials_selectFirst);
        }
        return Optional.ofNullable((CredentialStore.Code) first).map(CredentialStore.Code::credential);
    }

    private void show(List<CredentialStore.Code> read, String message) {
        if (table.getControl().isDisposed()) {
            return;
        }
        model.show(read);
        table.setInput(model.codes());
        Widgets.fitColumns(table.getTable());
        setStatus(message);
    }

    /** Once a second: the countdowns; when a shown code expired, the device is read again. */
    private void tick() {
        if (table.getControl().isDisposed()) {
            return;
        }
        table.refresh();
        if (model.anyExpired(Instant.now()) && !reading && deviceId != null) {
            refresh();
        }
        table.getControl().getDisplay().timerExec(1000, this::tick);
    }

    /** The chosen QR code's payload goes into the URI field. */
    private void takeCode(FoundCode code, int found) {
        uriText.setText(code.payload());
        setStatus(NLS.bind(Messages.credentials_keyRead, code.where()));
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
