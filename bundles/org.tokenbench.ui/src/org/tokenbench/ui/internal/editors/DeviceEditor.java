package org.tokenbench.ui.internal.editors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.ui.DevicePage;
import org.tokenbench.ui.DevicePageSite;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.UiInteraction;
import org.tokenbench.ui.internal.model.DeviceOffer;
import org.tokenbench.ui.internal.perspectives.EditorRoom;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * A device's editor: an Overview page, then one page per feature its session offers (seed programming and clock,
 * credentials, PIN, certificates, checklist), History when an audit log is installed, and the pages the device's
 * family contributes ({@code devicePage} elements of {@code org.tokenbench.ui.deviceViews}). What the session offers is
 * read once, in a device Job that opens the session and closes it again: an open editor holds no device; each page's
 * action opens its own session in its own device Job.
 */
public final class DeviceEditor extends MultiPageEditorPart {

    public static final String ID = "org.tokenbench.ui.editors.device";
    /** tokenbench:0x0001: a TokenBench service did not start. */
    private static final ErrorCode SERVICE_MISSING = ErrorCode.of(ErrorCode.TOKENBENCH, 1);

    private ServiceHandle<DeviceService> devices;
    private ServiceHandle<AuditLog> auditLog;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private final OverviewPage overview = new OverviewPage(() -> readOffer());
    private final List<DevicePage> pages = new ArrayList<>();
    private final List<Boolean> shown = new ArrayList<>();
    private Interaction interaction;
    private Display display;
    private volatile Optional<DeviceOffer> offer = Optional.empty();

    /** Opens (or brings to the front) the editor of {@code device}. */
    public static DeviceEditor open(IWorkbenchPage page, Device device) throws PartInitException {
        String name = device.slot().name() + device.serial().map(serial -> " · " + serial).orElse("");
        DeviceEditor editor = (DeviceEditor) page.openEditor(new DeviceEditorInput(device.id(), name), ID);
        EditorRoom.editorOpened(page, editor);
        return editor;
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DeviceEditorInput)) {
            throw new PartInitException(NLS.bind(Messages.editor_notADevice, input.getName()));
        }
        super.init(site, input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    public String deviceId() {
        return ((DeviceEditorInput) getEditorInput()).deviceId();
    }

    @Override
    protected void createPages() {
        devices = new ServiceHandle<>(DeviceService.class);
        auditLog = new ServiceHandle<>(AuditLog.class);
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        display = getContainer().getDisplay();
        interaction = new UiInteraction(display, this::showOnOverview);
        add(overview);
        // F5 and Run Check run the active page's own button (a page without one leaves the command disabled)
        for (String commandId : List.of(TokenBenchCommands.REFRESH, TokenBenchCommands.RUN_CHECK)) {
            ViewCommand.activate(getSite(), commandId, () -> activePage(commandId).ifPresent(page -> page.run(commandId)))
                    .enabledWhen(() -> activePage(commandId).isPresent());
        }
        readOffer();
    }

    /** Reads what the device's session offers (briefly holding the device) and adds the pages it calls for. */
    Job readOffer() {
        return site(overview).run(Messages.editor_reading, (session, monitor) -> {
            Device device = session.device();
            DeviceOffer read = DeviceOffer.read(deviceId(), device.slot().name(), session.driver(), session.family(), session,
                    device.claim().flatMap(Device.Claim::clockSkew), auditLog.get().isPresent());
            boolean first = offer.isEmpty();
            offer = Optional.of(read);
            later(() -> {
                if (getContainer().isDisposed()) {
                    return;
                }
                overview.show(read);
                if (first) {
                    addFeaturePages(read);
                }
            });
        });
    }

    private void addFeaturePages(DeviceOffer read) {
        for (DeviceOffer.Page page : read.pages()) {
            switch (page) {
                case OVERVIEW -> {
                }
                case SEED -> add(new SeedPage(read));
                case CREDENTIALS -> add(new CredentialsPage());
                case PIN -> add(new PinPage());
                case CERTIFICATES -> add(new CertificatesPage());
                case CHECKLIST -> add(new ChecklistPage(diagnostics));
                case HISTORY -> add(new HistoryPage(auditLog, read.identity(), this::explain));
            }
        }
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor("org.tokenbench.ui.deviceViews")) {
            if ("devicePage".equals(element.getName()) && read.driver().id().equals(element.getAttribute("driver"))) {
                try {
                    add((DevicePage) element.createExecutableExtension("class"), element.getAttribute("name"));
                } catch (CoreException | ClassCastException e) {
                    showOnOverview(NLS.bind(Messages.editor_vendorPageFailed, element.getAttribute("name"), e.getMessage()));
                }
            }
        }
    }

    private void add(EditorPage page) {
        add(page, page.title());
    }

    private void add(DevicePage page, String title) {
        Control control = page.createControl(getContainer(), site(page));
        int index = addPage(control);
        setPageText(index, title);
        pages.add(page);
        shown.add(false);
        if (index == 0) {
            shown.set(0, true);
        }
    }

    /** The page shown, if it is a built-in page that can run {@code commandId} now. */
    private Optional<EditorPage> activePage(String commandId) {
        int index = getActivePage();
        return index >= 0 && index < pages.size() && pages.get(index) instanceof EditorPage page && page.canRun(commandId)
                ? Optional.of(page) : Optional.empty();
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        ViewCommand.update(getSite());
        if (newPageIndex >= 0 && newPageIndex < pages.size() && !shown.get(newPageIndex)) {
            shown.set(newPageIndex, true);
            if (pages.get(newPageIndex) instanceof EditorPage page) {
                page.shown();
            }
        }
    }

    /** The pages' titles in order (what the tabs say). */
    public List<String> pageTitles() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < getPageCount(); i++) {
            titles.add(getPageText(i));
        }
        return titles;
    }

    /** Shows page {@code index}, as a click on its tab would. */
    public void showPage(int index) {
        setActivePage(index);
    }

    private DevicePageSite site(DevicePage page) {
        return new DevicePageSite() {
            @Override
            public String deviceId() {
                return DeviceEditor.this.deviceId();
            }

            @Override
            public Job run(String name, SessionWork work, java.util.function.Consumer<org.eclipse.core.runtime.IStatus> done) {
                DeviceJob job = DeviceJob.create(name, deviceId(), monitor -> openAndRun(work, monitor), failure -> show(explain(failure)));
                job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
                    @Override
                    public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                        done.accept(event.getResult());
                    }
                });
                job.schedule();
                return job;
            }

            @Override
            public Interaction interaction() {
                return interaction;
            }

            @Override
            public void show(String message) {
                later(() -> {
                    if (page instanceof EditorPage own) {
                        own.setStatus(message);
                    } else {
                        overview.setStatus(message);
                    }
                });
            }
        };
    }

    private void openAndRun(DevicePageSite.SessionWork work, IProgressMonitor monitor) throws TokenException {
        DeviceService service = devices.get().orElseThrow(() -> new TokenException(SERVICE_MISSING, Messages.editor_noService));
        try (DeviceSession session = service.open(deviceId(), OpenOptions.of(interaction))) {
            // the device waited for may have taken a while: a cancel meanwhile stops before anything is sent
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            work.run(session, monitor);
        }
    }

    private void showOnOverview(String message) {
        later(() -> overview.setStatus(message));
    }

    /** Runs {@code update} on the display thread unless the workbench is closing. */
    private void later(Runnable update) {
        Widgets.later(display, update);
    }

    String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    Optional<DeviceOffer> offer() {
        return offer;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save: every action is applied to the device when it runs
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public void dispose() {
        IWorkbenchPage page = getSite().getPage();
        if (page != null && !org.eclipse.ui.PlatformUI.getWorkbench().isClosing()) {
            EditorRoom.editorClosing(page, this);
        }
        pages.forEach(DevicePage::dispose);
        if (devices != null) {
            devices.close();
            auditLog.close();
            diagnostics.close();
        }
        super.dispose();
    }
}
