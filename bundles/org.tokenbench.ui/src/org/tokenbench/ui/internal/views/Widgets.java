package org.tokenbench.ui.internal.views;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The small widget helpers the task views and device editor pages share. */
public final class Widgets {

    /**
     * The {@code setData} key naming a widget for UI tests and accessibility tools, as SWTBot's widget ids do: tests find
     * real widgets by it instead of calling into views.
     */
    public static final String ID_KEY = "org.tokenbench.ui.widgetId";

    /** A column's {@code width} from {@link #textColumn}: how wide its content may make it (the header may go wider). */
    private static final String CONTENT_CAP = "tokenbench.contentCap";
    /** The width {@link #fitColumns} gave a column, which it keeps when the table is narrow. */
    private static final String FITTED = "tokenbench.fitted";
    /** How wide a column's header and whole content are, which it gets when the table has room to spare. */
    private static final String FULL = "tokenbench.full";
    /** Beyond the header text: GTK's header padding. */
    private static final int HEADER_PADDING = 18;
    /** The sort arrow, in the sorted column's header only. */
    private static final int SORT_ARROW = 16;
    private static final int MIN_WIDTH = 48;

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
        column.getColumn().setData(CONTENT_CAP, width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
        return column;
    }

    /**
     * Sizes the columns to what they show: each as wide as its header (in any language: the header is never cut) and its
     * content up to the width it was created with, the last one taking the rest of the table's width; room to spare
     * first widens the columns whose content was cut. Call it after the rows or the sort column change; the first call
     * also keeps the columns filling the table when it is resized.
     */
    public static void fitColumns(Table table) {
        if (table.isDisposed() || table.getColumnCount() == 0) {
            return;
        }
        GC gc = new GC(table);
        try {
            for (TableColumn column : table.getColumns()) {
                int header = gc.textExtent(column.getText()).x + HEADER_PADDING + (column == table.getSortColumn() ? SORT_ARROW : 0);
                int cap = column.getData(CONTENT_CAP) instanceof Integer width ? width : Integer.MAX_VALUE;
                column.pack();
                column.setData(FULL, Math.max(header, column.getWidth()));
                int fitted = Math.max(MIN_WIDTH, Math.max(header, Math.min(column.getWidth(), cap)));
                column.setData(FITTED, fitted);
                column.setWidth(fitted);
            }
        } finally {
            gc.dispose();
        }
        if (table.getData(FITTED) == null) {
            table.setData(FITTED, Boolean.TRUE);
            table.addListener(SWT.Resize, e -> fillWithLastColumn(table));
        }
        fillWithLastColumn(table);
    }

    private static void fillWithLastColumn(Table table) {
        TableColumn[] columns = table.getColumns();
        int spare = table.getClientArea().width;
        for (TableColumn column : columns) {
            spare -= width(column, FITTED);
        }
        int others = 0;
        for (int i = 0; i < columns.length - 1; i++) {
            int fitted = width(columns[i], FITTED);
            int wider = Math.max(0, Math.min(spare, width(columns[i], FULL) - fitted));
            spare -= wider;
            columns[i].setWidth(fitted + wider);
            others += fitted + wider;
        }
        TableColumn last = columns[columns.length - 1];
        last.setWidth(Math.max(width(last, FITTED), table.getClientArea().width - others));
    }

    private static int width(TableColumn column, String key) {
        return column.getData(key) instanceof Integer width ? width : column.getWidth();
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
        if (control.isDisposed()) {
            return;
        }
        later(control.getDisplay(), () -> {
            if (!control.isDisposed()) {
                update.run();
            }
        });
    }

    /**
     * Runs {@code update} on {@code display}'s thread unless the workbench is closing: callers on Job threads keep the
     * display they captured (a disposed widget no longer tells it).
     */
    public static void later(org.eclipse.swt.widgets.Display display, Runnable update) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(update);
        } catch (org.eclipse.swt.SWTException closing) {
            // disposed between the check and the call: nothing is left to update
        }
    }
}
