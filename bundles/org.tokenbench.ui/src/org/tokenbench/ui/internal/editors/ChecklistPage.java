package org.tokenbench.ui.internal.editors;

import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.ui.internal.model.ChecklistModel;
import org.tokenbench.ui.internal.views.ChecklistTable;
import org.tokenbench.ui.internal.views.FileField;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * The device's own checklist ({@link Checklist}): optional CA certificate, revocation lists and PIN (tried once through
 * the session's PIN guard), each step shown as it is known, the selected step's diagnosis below.
 */
final class ChecklistPage extends EditorPage {

    private final ServiceHandle<DiagnosticsRegistry> diagnostics;
    private final ChecklistModel model = new ChecklistModel();
    private Text caFile;
    private Text crlFile;
    private Text pin;
    private ChecklistTable table;
    private org.eclipse.swt.widgets.Button runButton;

    ChecklistPage(ServiceHandle<DiagnosticsRegistry> diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    String title() {
        return Messages.page_checklist;
    }

    @Override
    String key() {
        return "checklist";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        caFile = FileField.create(parent, org.tokenbench.ui.internal.views.Messages.guomi_caCertificate, "checklist.ca", FileField.CERTIFICATES);
        crlFile = FileField.create(parent, org.tokenbench.ui.internal.views.Messages.guomi_crlFile, "checklist.crl", FileField.CRLS);
        new Label(parent, SWT.NONE).setText(org.tokenbench.ui.internal.views.Messages.guomi_userPin);
        pin = Widgets.id(new Text(parent, SWT.BORDER | SWT.PASSWORD), "checklist.pin");
        pin.setToolTipText(org.tokenbench.ui.internal.views.Messages.guomi_pinTip);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pin);
        runButton = commandButton(parent, org.tokenbench.ui.internal.views.Messages.guomi_runChecklist, "checklist.run",
                org.tokenbench.ui.internal.commands.TokenBenchCommands.RUN_CHECK, this::run);
        table = new ChecklistTable(parent, "checklist", code -> diagnostics.get().flatMap(registry -> registry.explain(code)));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(table.control());
    }

    private void run() {
        ChecklistModel.Typed inputs = ChecklistModel.typed(caFile.getText(), crlFile.getText(), pin.getTextChars());
        pin.setText("");
        // one run at a time: Run is off until this one ended
        runButton.setEnabled(false);
        model.started();
        table.show(model.results());
        setStatus(model.summary());
        Display display = table.control().getDisplay();
        device.run(Messages.checklist_running, (session, monitor) -> {
            try {
                Checklist checklist = session.feature(Checklist.class)
                        .orElseThrow(() -> new TokenException(EditorCodes.FEATURE_GONE, Messages.checklist_gone));
                // the files are read here, bounded, off the display thread
                checklist.run(ChecklistModel.inputs(inputs), device.interaction(), result -> {
                    model.add(result);
                    monitor.subTask(result.step().title());
                    Widgets.later(display, () -> table.show(model.results()));
                });
                model.finished();
                Widgets.later(display, () -> table.show(model.results()));
                device.show(model.summary());
            } catch (TokenException e) {
                model.couldNotRun();
                throw e;
            } finally {
                inputs.pin().ifPresent(Secret::close);
            }
        }, result -> {
            // a Job cancelled before it ran never reached the work above: the PIN goes with the Job either way
            inputs.pin().ifPresent(Secret::close);
            Widgets.later(display, () -> {
                if (!runButton.isDisposed()) {
                    runButton.setEnabled(true);
                }
            });
            if (result.getSeverity() == IStatus.CANCEL) {
                // cancelled while it waited for the device or before a step ran: the steps shown verify nothing
                model.cancelled();
                Widgets.later(display, () -> table.show(model.results()));
                device.show(model.summary());
            }
        });
    }
}
