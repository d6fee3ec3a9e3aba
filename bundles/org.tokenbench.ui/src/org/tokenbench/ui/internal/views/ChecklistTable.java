package org.tokenbench.ui.internal.views;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.ui.internal.model.ChecklistModel;

/**
 * A checklist's steps, green, yellow or red as each is known, above the selected step's diagnosis: the Guomi Key
 * view's table and the device editor's Checklist page. The first red step is selected as it arrives.
 */
public final class ChecklistTable {

    private final SashForm sash;
    private final TableViewer steps;
    private final Text details;
    /** One icon per check state (icons/states/*.svg), disposed with the table. */
    private final Map<Checklist.Status, Image> stateIcons = new EnumMap<>(Checklist.Status.class);
    private List<Checklist.Result> shown = List.of();

    public ChecklistTable(Composite parent, String idPrefix, Function<ErrorCode, Optional<Diagnosis>> explain) {
        sash = new SashForm(parent, SWT.VERTICAL);
        steps = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        steps.getTable().setHeaderVisible(true);
        steps.getTable().setLinesVisible(true);
        steps.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.id(steps.getTable(), idPrefix + ".steps");
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), steps.getTable());
        for (Checklist.Status status : Checklist.Status.values()) {
            ResourceLocator.imageDescriptorFromBundle(ChecklistTable.class, "icons/states/" + status.name().toLowerCase(java.util.Locale.ROOT) + ".svg")
                    .map(resources::create).ifPresent(icon -> stateIcons.put(status, icon));
        }
        column(Messages.guomi_step, 320, r -> r.step().title(), true);
        column(Messages.guomi_result, 90, r -> ChecklistModel.statusText(r.status()), false);
        column(Messages.guomi_detail, 560, Checklist.Result::detail, false);
        details = Widgets.id(new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL), idPrefix + ".details");
        steps.addSelectionChangedListener(e -> details.setText(e.getStructuredSelection().getFirstElement() instanceof Checklist.Result result
                ? ChecklistModel.details(result, explain) : ""));
        sash.setWeights(60, 40);
        steps.setInput(shown);
    }

    /** The sash holding the table and the details, for the parent's layout. */
    public SashForm control() {
        return sash;
    }

    /** Shows {@code results} (the model's, as they are now); selects the first red step when it is new. */
    public void show(List<Checklist.Result> results) {
        if (steps.getControl().isDisposed()) {
            return;
        }
        boolean hadFailure = shown.stream().anyMatch(r -> r.status() == Checklist.Status.FAILED);
        shown = results;
        steps.setInput(shown);
        if (results.isEmpty()) {
            details.setText("");
        }
        if (!hadFailure) {
            results.stream().filter(r -> r.status() == Checklist.Status.FAILED).findFirst()
                    .ifPresent(red -> steps.setSelection(new StructuredSelection(red), true));
        }
    }

    private void column(String title, int width, Function<Checklist.Result, String> text, boolean withIcon) {
        TableViewerColumn column = new TableViewerColumn(steps, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Checklist.Result) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!withIcon) {
                    return null;
                }
                return stateIcons.get(((Checklist.Result) element).status());
            }

            @Override
            public Color getForeground(Object element) {
                Display display = Display.getCurrent();
                return switch (((Checklist.Result) element).status()) {
                    case PASSED -> display.getSystemColor(SWT.COLOR_DARK_GREEN);
                    case WARNING -> display.getSystemColor(SWT.COLOR_DARK_YELLOW);
                    case FAILED -> display.getSystemColor(SWT.COLOR_RED);
                    case SKIPPED -> display.getSystemColor(SWT.COLOR_DARK_GRAY);
                };
            }
        });
    }
}
