package org.tokenbench.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/**
 * What was done in this workbench session, by whom, on which device, with what result: newest first. Entries
 * name devices and accounts, never keys or PINs. (The fleet's tamper-evident audit log is a separate store.)
 */
public final class ActivityView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.activity";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One thing done. */
    public record Entry(Instant time, String user, String action, String device, String result) {
    }

    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    /** Records an action from any thread; open Activity views show it at once. */
    public static void record(String action, String device, String result) {
        ENTRIES.add(0, new Entry(Instant.now(), System.getProperty("user.name", "?"), action, device, result));
        LISTENERS.forEach(Runnable::run);
    }

    public static List<Entry> entries() {
        return new ArrayList<>(ENTRIES);
    }

    private TableViewer viewer;
    private Runnable listener;

    @Override
    public void createPartControl(Composite parent) {
        setPartName("Activity");
        GridLayoutFactory.fillDefaults().applyTo(parent);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Time", 80, e -> TIME.format(e.time()));
        column("User", 90, Entry::user);
        column("Action", 180, Entry::action);
        column("Device", 200, Entry::device);
        column("Result", 420, Entry::result);
        Display display = parent.getDisplay();
        listener = () -> display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                viewer.setInput(entries());
            }
        });
        LISTENERS.add(listener);
        viewer.setInput(entries());
    }

    private void column(String title, int width, Function<Entry, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        LISTENERS.remove(listener);
        super.dispose();
    }
}
