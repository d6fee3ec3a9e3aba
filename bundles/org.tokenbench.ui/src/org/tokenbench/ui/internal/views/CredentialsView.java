package org.tokenbench.ui.internal.views;

import java.nio.CharBuffer;
import java.time.Instant;
import java.util.Arrays;
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
import org.tokenbench.core.Chars;
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
    /** Kept: Jobs report after the view may have closed, and a disposed widget no longer tells its display. */
    private Display display;
    /** A read of the device runs (set and read on the display thread). */
    private boolean reading;

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
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
        String reads = deviceId;
        reading = onDevice(Messages.credentials_reading, store -> {
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            later(() -> {
                if (!reads.equals(deviceId)) {
                    return; // another device was chosen meanwhile: its own read shows its credentials
                }
                model.readSucceeded();
                show(read, NLS.bind(Messages.credentials_count, read.size()));
            });
        }, () -> model.readFailed(Instant.now())) != null;
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
        onDevice(NLS.bind(Messages.credentials_computing, name), store -> {
            CredentialStore.Code computed = store.calculate(name, Instant.now());
            later(() -> {
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
            later(() -> show(read, NLS.bind(Messages.credentials_deleted, name.get())));
        });
    }

    /** Adds the credential of the URI in the field (an existing name is overwritten only after a yes). */
    private void addCredential() {
        // The field's chars are parsed where they are and wiped: no String of the key.
        char[] typed = uriText.getTextChars();
        OtpAccount account;
        try {
            // a pasted URI often ends in a newline; stripped over the same array, which is wiped below
            CharBuffer text = Chars.strip(typed);
            if (!text.hasRemaining()) {
                setStatus(Messages.credentials_pasteFirst);
                return;
            }
            account = OtpAuthUri.parse(text);
        } catch (OtpException e) {
            setStatus(explain(e));
            return;
        } finally {
            Arrays.fill(typed, '\0');
        }
        CredentialStore.Credential credential = CredentialsModel.credentialOf(account.params(), touch.getSelection());
        Interaction asking = interaction;
        Job job = onDevice(NLS.bind(Messages.credentials_adding, credential.name()), store -> {
            try {
                store.put(credential, account.secret(), account.params().counter(), asking);
            } finally {
                account.close();
            }
            List<CredentialStore.Code> read = store.calculateAll(Instant.now());
            later(() -> {
                if (!uriText.isDisposed()) {
                    uriText.setText("");
                }
                show(read, NLS.bind(Messages.credentials_added, credential.name()));
            });
        });
        if (job == null) {
            account.close();
            return;
        }
        // The work above may never run (no credential store, the device gone, cancelled): the key is wiped when the
        // Job is done, whatever became of it.
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                account.close();
            }
        });
        if (job.getState() == Job.NONE) {
            account.close();
        }
    }

    // ---- internals ----

    @FunctionalInterface
    private interface StoreWork {
        void run(CredentialStore store) throws TokenException;
    }

    private Job onDevice(String name, StoreWork work) {
        return onDevice(name, work, () -> {
        });
    }

    /**
     * A DeviceJob that opens the device, takes its credential store and runs {@code work}; failures go to the status
     * line, then to {@code failed} (on the display thread). Null when there is no device or no devices service.
     */
    private Job onDevice(String name, StoreWork work, Runnable failed) {
        Optional<DeviceService> service = devices.get();
        if (deviceId == null || service.isEmpty()) {
            setStatus(service.isEmpty() ? Messages.credentials_noService : Messages.credentials_noDevice);
            return null;
        }
        String id = deviceId;
        Interaction asking = interaction;
        return DeviceJob.schedule(name, id, monitor -> {
            try (DeviceSession session = service.get().open(id, OpenOptions.of(asking))) {
                Optional<CredentialStore> store = session.feature(CredentialStore.class);
                if (store.isPresent()) {
                    work.run(store.get());
                } else {
                    // not a failure of the device: a device of another kind, said in the workbench's language
                    String family = session.family().name();
                    later(() -> {
                        setStatus(NLS.bind(Messages.credentials_noOathStore, family));
                        failed.run();
                    });
                }
            } finally {
                later(() -> reading = false);
            }
        }, e -> later(() -> {
            setStatus(explain(e));
            failed.run();
        }));
    }

    private void later(Runnable update) {
        Widgets.later(display, update);
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
        if (!reading && deviceId != null && model.automaticReadDue(Instant.now())) {
            refresh();
        }
        display.timerExec(1000, this::tick);
    }

    /** The chosen QR code's payload goes into the URI field. */
    private void takeCode(FoundCode code, int found) {
        QrKeyInput.putPayload(uriText, code);
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
