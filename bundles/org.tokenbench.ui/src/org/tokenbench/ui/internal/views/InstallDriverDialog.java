package org.tokenbench.ui.internal.views;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.install.DriverDownload;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.core.install.DriverInstaller.AddedBundle;
import org.tokenbench.core.install.DriverJar;

/**
 * Help › Install Driver…: adds a vendor's driver jar (a file, or an https URL with the vendor's SHA-256) to the user's
 * drivers folder through the same {@link DriverInstaller} as {@code tokenbench driver install}, and lists and removes
 * the drivers added so far. Shows what a jar is (name, version, vendor) before it is installed; installs and removes
 * in Jobs, so the workbench stays responsive; the Drivers and Devices views follow by themselves.
 */
public final class InstallDriverDialog extends Dialog {

    public static final String TITLE = Messages.installDriver_title;

    private final DriverInstaller installer;
    private Text source;
    private Text sha256;
    private Button trustUrl;
    private Label details;
    private Label status;
    private TableViewer addedViewer;
    private Button installButton;
    private Button removeButton;
    private volatile boolean busy;

    public InstallDriverDialog(Shell parent, DriverInstaller installer) {
        super(parent);
        this.installer = installer;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));

        new Label(area, SWT.NONE).setText(Messages.installDriver_source);
        source = new Text(area, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(source);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText(Messages.browse);
        browse.addListener(SWT.Selection, e -> browse());

        new Label(area, SWT.NONE).setText(Messages.installDriver_sha256);
        sha256 = new Text(area, SWT.BORDER | SWT.SINGLE);
        sha256.setMessage(Messages.installDriver_sha256Hint);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(sha256);
        new Label(area, SWT.NONE);
        trustUrl = new Button(area, SWT.CHECK);
        trustUrl.setText(Messages.installDriver_trustUrl);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(trustUrl);

        details = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(520, SWT.DEFAULT).applyTo(details);
        installButton = new Button(area, SWT.PUSH);
        installButton.setText(Messages.installDriver_install);
        GridDataFactory.swtDefaults().span(3, 1).applyTo(installButton);
        installButton.addListener(SWT.Selection, e -> install());

        Label addedTitle = new Label(area, SWT.NONE);
        addedTitle.setText(NLS.bind(Messages.installDriver_added, installer.folder()));
        GridDataFactory.fillDefaults().span(3, 1).applyTo(addedTitle);
        addedViewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        addedViewer.getTable().setHeaderVisible(true);
        addedViewer.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.textColumn(addedViewer, Messages.installDriver_bundle, 220, (AddedBundle a) -> a.symbolicName());
        Widgets.textColumn(addedViewer, Messages.installDriver_version, 90, (AddedBundle a) -> a.version());
        Widgets.textColumn(addedViewer, Messages.installDriver_state, 70,
                (AddedBundle a) -> a.active() ? Messages.installDriver_active : Messages.installDriver_failed);
        Widgets.textColumn(addedViewer, Messages.installDriver_problem, 260, (AddedBundle a) -> a.problem().orElse(""));
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 120).applyTo(addedViewer.getTable());
        removeButton = new Button(area, SWT.PUSH);
        removeButton.setText(Messages.installDriver_remove);
        removeButton.addListener(SWT.Selection, e -> selected().ifPresent(this::remove));
        addedViewer.addSelectionChangedListener(e -> updateButtons());

        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(520, SWT.DEFAULT).applyTo(status);

        source.addListener(SWT.Modify, e -> describe());
        describe();
        showAdded();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, Messages.dialog_close, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    private void browse() {
        FileDialog files = new FileDialog(getShell(), SWT.OPEN);
        files.setFilterExtensions(new String[] { "*.jar", "*" });
        String chosen = files.open();
        if (chosen != null) {
            source.setText(chosen);
        }
    }

    /** What the source is, before anything is installed. */
    private void describe() {
        String text = source.getText().strip();
        Optional<URI> https = httpsUrl(text);
        boolean url = https.isPresent();
        sha256.setEnabled(url);
        trustUrl.setEnabled(url);
        if (text.isEmpty()) {
            details.setText(Messages.installDriver_choose);
        } else if (url) {
            details.setText(NLS.bind(Messages.installDriver_fromUrl, https.get().getHost()));
        } else {
            Path jar = Path.of(text);
            Optional<DriverJar> read = Files.isRegularFile(jar) ? DriverJar.read(jar) : Optional.empty();
            details.setText(read.map(InstallDriverDialog::describe)
                    .orElse(Files.isRegularFile(jar) ? NLS.bind(Messages.installDriver_notABundle, jar.getFileName())
                            : Files.isDirectory(jar) ? Messages.installDriver_p2Folder
                                    : Messages.installDriver_noSuchFile));
        }
        details.getParent().layout(true, true);
        updateButtons();
    }

    static String describe(DriverJar jar) {
        return NLS.bind(Messages.installDriver_willInstall, new Object[] { jar.symbolicName(), jar.version(),
                jar.vendor().isEmpty() ? Messages.installDriver_unnamedVendor : jar.vendor(),
                jar.fragmentHost().map(host -> NLS.bind(Messages.installDriver_fragmentOf, host)).orElse("") });
    }

    private static Optional<URI> httpsUrl(String text) {
        if (!text.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void install() {
        String text = source.getText().strip();
        Optional<URI> https = httpsUrl(text);
        Optional<String> digest = sha256.getText().isBlank() ? Optional.empty() : Optional.of(sha256.getText().strip());
        boolean trusted = trustUrl.getSelection();
        run(NLS.bind(Messages.installDriver_installing, text), () -> {
            Path jar = https.isPresent() ? DriverDownload.fetch(https.get(), digest, trusted) : Path.of(text);
            try {
                List<AddedBundle> added = installer.install(jar);
                return NLS.bind(Messages.installDriver_installed,
                        String.join(", ", added.stream().map(a -> a.symbolicName() + " " + a.version()).toList()));
            } finally {
                if (https.isPresent()) {
                    deleteQuietly(jar);
                }
            }
        });
    }

    private void remove(AddedBundle added) {
        run(NLS.bind(Messages.installDriver_removing, added.symbolicName()), () -> {
            installer.remove(added.symbolicName());
            return NLS.bind(Messages.installDriver_removed, added.symbolicName());
        });
    }

    private interface Step {
        String run() throws TokenException;
    }

    /** Runs {@code step} in a Job (user-visible, one at a time) and shows its outcome in the dialog. */
    private void run(String name, Step step) {
        busy = true;
        updateButtons();
        status.setText(name + "…");
        // taken now: a Close pressed during a download leaves the Job without a shell
        Display display = getShell().getDisplay();
        Job job = Job.create(name, (IProgressMonitor monitor) -> {
            String outcome;
            try {
                outcome = step.run();
            } catch (TokenException e) {
                outcome = e.code() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                outcome = NLS.bind(Messages.installDriver_failedWith, e);
            }
            String shown = outcome;
            Widgets.later(display, () -> finished(shown));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    private void finished(String outcome) {
        busy = false;
        if (status == null || status.isDisposed()) {
            return;
        }
        status.setText(outcome);
        showAdded();
        status.getParent().layout(true, true);
        updateButtons();
    }

    private void showAdded() {
        addedViewer.setInput(installer.added());
        updateButtons();
    }

    private Optional<AddedBundle> selected() {
        IStructuredSelection selection = addedViewer.getStructuredSelection();
        return selection.isEmpty() ? Optional.empty() : Optional.of((AddedBundle) selection.getFirstElement());
    }

    private void updateButtons() {
        if (installButton == null || installButton.isDisposed()) {
            return;
        }
        installButton.setEnabled(!busy && !source.getText().isBlank());
        removeButton.setEnabled(!busy && selected().isPresent());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("TokenBench: cannot delete the downloaded copy " + file + ": " + e.getMessage());
        }
    }

    // For the workbench tests: what a user types, presses and reads.

    public void enterSource(String text) {
        source.setText(text);
    }

    public String detailsText() {
        return details.getText();
    }

    public String statusText() {
        return status.getText();
    }

    public boolean isBusy() {
        return busy;
    }

    public void pressInstall() {
        install();
    }

    public List<String> addedNames() {
        return Arrays.stream(addedViewer.getTable().getItems()).map(item -> item.getText(0)).toList();
    }

    public void pressRemove(String symbolicName) {
        installer.added().stream().filter(a -> a.symbolicName().equals(symbolicName)).findFirst().ifPresent(this::remove);
    }
}
