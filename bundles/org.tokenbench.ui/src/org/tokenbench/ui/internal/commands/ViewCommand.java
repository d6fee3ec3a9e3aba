package org.tokenbench.ui.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.DeviceRule;

/**
 * A view's handler for a command (TokenBench's or the platform's: Refresh, Delete), active while the view is (the part
 * site's handler service scopes it). The view says when the action can run, either once ({@link #setEnabled}) or as a
 * condition ({@link #enabledWhen}) evaluated again when the view calls {@link #update(IWorkbenchPartSite)} and whenever
 * a device Job starts or ends; the view's toolbar, context menu, key binding and the form's own buttons all run the
 * same command and follow that one enablement.
 */
public final class ViewCommand extends AbstractHandler {

    /** Commands with a condition, of views still open. */
    private static final Set<ViewCommand> CONDITIONAL = ConcurrentHashMap.newKeySet();
    /** Registered while a command has a condition (guarded by the class); null when none has. */
    private static DeviceJobWatch deviceJobWatch;

    private final String commandId;
    private final IWorkbenchPartSite site;
    private final Runnable action;
    private final List<Button> buttons = new ArrayList<>();
    private BooleanSupplier condition;

    private ViewCommand(String commandId, IWorkbenchPartSite site, Runnable action) {
        this.commandId = commandId;
        this.site = site;
        this.action = action;
    }

    /** Activates {@code action} as the handler of {@code commandId} while the part of {@code site} is active. */
    public static ViewCommand activate(IWorkbenchPartSite site, String commandId, Runnable action) {
        ViewCommand command = new ViewCommand(commandId, site, action);
        site.getService(IHandlerService.class).activateHandler(commandId, command);
        return command;
    }

    /** A push button in the view's form that runs this command (through the handler service, like a key binding). */
    public Button button(Composite parent, String text) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setEnabled(isEnabled());
        button.addListener(SWT.Selection, e -> {
            try {
                site.getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (CommandException notRun) {
                // disabled meanwhile (a burn started): the button's own state follows at once
            }
        });
        buttons.add(button);
        return button;
    }

    public void setEnabled(boolean enabled) {
        if (enabled == isEnabled()) {
            return;
        }
        setBaseEnabled(enabled);
        buttons.removeIf(Button::isDisposed);
        buttons.forEach(button -> button.setEnabled(enabled));
    }

    /**
     * Enabled while {@code enabled} holds (asked on the display thread; it may read the view's widgets, and must accept
     * being asked before they all exist).
     */
    public ViewCommand enabledWhen(BooleanSupplier enabled) {
        condition = enabled;
        update();
        if (CONDITIONAL.add(this)) {
            forgetWhenClosed();
            watchDeviceJobs(site.getShell().getDisplay());
        }
        return this;
    }

    /** Evaluates the conditions of {@code site}'s commands again (on the display thread): its state changed. */
    public static void update(IWorkbenchPartSite site) {
        CONDITIONAL.stream().filter(command -> command.site == site).forEach(ViewCommand::update);
    }

    /** Whether no device Job (of any view) runs or waits on {@code deviceId}: true without a device. */
    public static boolean idle(String deviceId) {
        return deviceId == null || Job.getJobManager().find(new DeviceRule(deviceId)).length == 0;
    }

    /**
     * A context menu on {@code viewer} that shows the view's {@code popup:<view id>} contributions (plugin.xml), and the
     * viewer as the site's selection provider.
     */
    public static void contextMenu(IWorkbenchPartSite site, StructuredViewer viewer) {
        MenuManager menu = new MenuManager();
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        site.registerContextMenu(menu, viewer);
        site.setSelectionProvider(viewer);
    }

    private void update() {
        if (condition != null) {
            setEnabled(condition.getAsBoolean());
        }
    }

    /** The framework asks before it runs the command and when it updates toolbars and menus. */
    @Override
    public void setEnabled(Object evaluationContext) {
        if (Display.getCurrent() != null) {
            update();
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        update();
        if (isEnabled()) {
            action.run();
        }
        return null;
    }

    /** The command goes with its part: the listener forgets it (and stops watching Jobs after the last one). */
    private void forgetWhenClosed() {
        IWorkbenchPage page = site.getPage();
        page.addPartListener(new IPartListener2() {
            @Override
            public void partClosed(IWorkbenchPartReference reference) {
                if (reference.getPart(false) == site.getPart()) {
                    CONDITIONAL.remove(ViewCommand.this);
                    page.removePartListener(this);
                    stopWatchingWhenUnused();
                }
            }
        });
    }

    /** A device Job that starts or ends may change a view's busy state (another view's Job on the same device too). */
    private static synchronized void watchDeviceJobs(Display display) {
        if (deviceJobWatch != null) {
            return;
        }
        deviceJobWatch = new DeviceJobWatch(display);
        Job.getJobManager().addJobChangeListener(deviceJobWatch);
    }

    private static synchronized void stopWatchingWhenUnused() {
        if (deviceJobWatch != null && CONDITIONAL.isEmpty()) {
            Job.getJobManager().removeJobChangeListener(deviceJobWatch);
            deviceJobWatch = null;
        }
    }

    /**
     * Re-evaluates every condition after device Jobs change, once per burst: events arriving while an update is pending
     * join it, rather than each queueing its own.
     */
    private static final class DeviceJobWatch extends JobChangeAdapter {

        private final Display display;
        private final AtomicBoolean pending = new AtomicBoolean();

        DeviceJobWatch(Display display) {
            this.display = display;
        }

        @Override
        public void running(IJobChangeEvent event) {
            changed(event);
        }

        @Override
        public void scheduled(IJobChangeEvent event) {
            changed(event);
        }

        @Override
        public void done(IJobChangeEvent event) {
            changed(event);
        }

        private void changed(IJobChangeEvent event) {
            if (!(event.getJob() instanceof DeviceJob) || display.isDisposed() || !pending.compareAndSet(false, true)) {
                return;
            }
            Runnable update = () -> {
                pending.set(false);
                // closing, views go without each telling its listener first: their conditions are not asked then
                if (!PlatformUI.getWorkbench().isClosing()) {
                    CONDITIONAL.forEach(command -> command.update());
                }
            };
            try {
                display.asyncExec(update);
            } catch (SWTException closing) {
                // the display was disposed between the check and the call (the workbench is closing): nothing to update
                pending.set(false);
            }
        }
    }
}
