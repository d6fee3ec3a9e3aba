package org.tokenbench.ui.internal.views;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** The small widget helpers the task views and device editor pages share. */
public final class Widgets {

    /**
     * The {@code setData} key naming a widget for UI tests and accessibility tools, as SWTBot's widget ids do: tests find
     * real widgets by it instead of calling into views.
     */
    public static final String ID_KEY = "org.tokenbench.ui.widgetId";

    private Widgets() {
    }

    /** A push button that runs {@code action} when pressed. */
    public static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /** A table column showing {@code text} of each row's element (rows of one type {@code T}). */
    public static <T> TableViewerColumn textColumn(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
        return column;
    }

    /** Names {@code widget} for tests ({@link #ID_KEY}); returns it. */
    public static <W extends org.eclipse.swt.widgets.Widget> W id(W widget, String id) {
        widget.setData(ID_KEY, id);
        return widget;
    }

    /** A table of rows (one element type) with headers and lines, named {@code id} for tests. */
    public static TableViewer table(Composite parent, int style, String id) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        id(viewer.getTable(), id);
        return viewer;
    }

    /** Runs {@code update} on {@code control}'s display thread unless the control is gone by then (any thread). */
    public static void later(org.eclipse.swt.widgets.Control control, Runnable update) {
        if (control.isDisposed() || control.getDisplay().isDisposed()) {
            return;
        }
        control.getDisplay().asyncExec(() -> {
            if (!control.isDisposed()) {
                update.run();
            }
        });
    }
}
