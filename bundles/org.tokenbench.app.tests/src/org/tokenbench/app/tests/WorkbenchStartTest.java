package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.junit.jupiter.api.Test;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.perspectives.ScreenshotMatrix;
import org.tokenbench.ui.internal.status.DeviceStatusItem;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.BatchesView;
import org.tokenbench.ui.internal.views.CredentialsView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.ProgramTokenView;
import org.tokenbench.ui.internal.views.Widgets;

/** The product's own application is running (UI harness); check what a user sees on first start and in each task. */
class WorkbenchStartTest {

    /** Each task perspective, the short name in its screenshots, and the views it stacks beside Devices. */
    private static final Map<String, List<String>> TASK_VIEWS = Map.of(
            TaskPerspectives.TOKENS, List.of(ProgramTokenView.ID, EnrollView.ID, BatchesView.ID),
            TaskPerspectives.KEYS, List.of(GuomiKeyView.ID, CredentialsView.ID),
            TaskPerspectives.FLEET, List.of(FleetView.ID, ActivityView.ID),
            TaskPerspectives.DIAGNOSTICS, List.of(DiagnosticsView.ID, DriversView.ID, ActivityView.ID));

    private static String language() {
        return ScreenshotMatrix.language();
    }

    @Test
    void firstStartShowsTheTokensPerspectiveWithDevicesAndTheStatusLine() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window opened");
        Shell shell = window.getShell();
        assertEquals("TokenBench", shell.getText());
        assertEquals(TaskPerspectives.TOKENS, window.getActivePage().getPerspective().getId());
        assertNotNull(window.getActivePage().findViewReference(DevicesView.ID));

        // Without a theme the CSS engine leaves stacked views' tab labels blank: the product's light theme is active.
        IThemeEngine themes = (IThemeEngine) shell.getDisplay().getData("org.eclipse.e4.ui.css.swt.theme");
        assertNotNull(themes, "no CSS theme engine");
        assertNotNull(themes.getActiveTheme(), "no CSS theme active");
        assertEquals(ScreenshotMatrix.LIGHT, themes.getActiveTheme().getId());

        var menus = Arrays.stream(shell.getMenuBar().getItems()).map(item -> item.getText().replace("&", "")).toList();
        // File, Token, Window and Help (About TokenBench, Install Driver…), in the language the workbench runs in.
        assertEquals(4, menus.size(), menus.toString());
        // every menu opens from the keyboard in both languages (a Chinese label carries its letter as "帮助(&H)")
        var withMnemonics = Arrays.stream(shell.getMenuBar().getItems()).map(org.eclipse.swt.widgets.MenuItem::getText).toList();
        assertTrue(withMnemonics.stream().allMatch(text -> text.contains("&")), withMnemonics.toString());
        assertEquals(org.tokenbench.app.internal.Messages.menuFile.replace("&", ""), menus.get(0));
        assertEquals(org.tokenbench.app.internal.Messages.menuWindow.replace("&", ""), menus.get(2));
        if (language().equals("en")) {
            assertEquals(List.of("File", "Token", "Window", "Help"), menus);
        }
        // the platform's File › Exit, Window › Reset Perspective and Preferences carry our labels (no language pack ships)
        var menuBar = ((WorkbenchWindow) window).getMenuBarManager();
        assertEquals(org.tokenbench.app.internal.Messages.actionExit, actionText(menuBar.findMenuUsingPath("file"), ActionFactory.QUIT.getId()));
        var windowMenu = menuBar.findMenuUsingPath("window");
        assertEquals(org.tokenbench.app.internal.Messages.actionResetPerspective, actionText(windowMenu, ActionFactory.RESET_PERSPECTIVE.getId()));
        assertEquals(org.tokenbench.app.internal.Messages.actionPreferences, actionText(windowMenu, ActionFactory.PREFERENCES.getId()));
        if (language().equals("zh")) {
            assertEquals("\u9000\u51fa(&X)", actionText(menuBar.findMenuUsingPath("file"), ActionFactory.QUIT.getId()));
        }

        // The status bar says whether pcscd runs and what is connected (pcscd runs in CI and on the developer's box).
        IContributionItem item = ((WorkbenchWindow) window).getStatusLineManager().find(DeviceStatusItem.ID);
        assertNotNull(item, "no device status in the status bar");
        DeviceStatusItem status = (DeviceStatusItem) item;
        waitUntil(shell.getDisplay(), () -> status.text().contains("pcscd"));
        assertTrue(status.text().contains(language().equals("en") ? "pcscd is running" : "pcscd"), status.text());

        // Start-up and memory, printed for CI's log (issue 18 asks for ≤ 3 s on a quiet machine; 274 MB resident before).
        long openedAfter = org.tokenbench.app.internal.StartupFigures.windowOpenAfterMillis();
        assertTrue(openedAfter > 0, "the window advisor did not record the first window");
        System.out.println("tokenbench-startup: window open " + openedAfter + " ms after JVM start; resident memory "
                + org.tokenbench.app.internal.StartupFigures.residentMegabytes() + " MB");

        Path png = Screenshots.save(shell, 0, 0, "workbench-first-start-" + language() + ".png");
        assertTrue(Files.size(png) > 1000, "screenshot is empty: " + png);
    }

    @Test
    void everyTaskPerspectiveStacksItsViewsBesideDevicesWithReadableTabs() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        var registry = PlatformUI.getWorkbench().getPerspectiveRegistry();
        try {
            for (var task : TASK_VIEWS.entrySet()) {
                page.setPerspective(registry.findPerspectiveWithId(task.getKey()));
                page.resetPerspective();
                assertNotNull(page.findViewReference(DevicesView.ID), task.getKey() + " has no Devices view");
                List<String> labels = new ArrayList<>();
                for (String view : task.getValue()) {
                    IViewReference reference = page.findViewReference(view);
                    assertNotNull(reference, view + " is not in " + task.getKey());
                    labels.add(reference.getPartName());
                }
                String name = task.getKey().substring(task.getKey().lastIndexOf('.') + 1);
                // CI keeps each perspective at both sizes, light and dark, in the run's language (a second run: zh).
                for (Path png : ScreenshotMatrix.saveEach(window.getShell(), "perspective-" + name)) {
                    assertTrue(Files.size(png) > 1000, "screenshot is empty: " + png);
                }
                // Devices stays readable at the smallest size: which device, what kind, in what state are never cut.
                window.getShell().setSize(1280, 800);
                assertDevicesColumnsFit(page);
                // The task's views share one folder, and each tab says what it is.
                List<String> tabs = tabTexts(window.getShell());
                assertTrue(tabs.containsAll(labels), "tabs " + tabs + " lack some of " + labels);
                assertFalse(tabs.stream().anyMatch(String::isBlank), "an empty tab label: " + tabs);
            }
        } finally {
            page.setPerspective(registry.findPerspectiveWithId(TaskPerspectives.TOKENS));
            window.getShell().setMaximized(true);
        }
    }

    @Test
    void diagnosticsViewExplainsACodeASupportCallerReadsOut() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getActivePage().showView(DiagnosticsView.ID);
        Text search = byId(window.getShell(), "diagnostics.search", Text.class);
        Table codes = byId(window.getShell(), "diagnostics.codes", Table.class);
        Text details = byId(window.getShell(), "diagnostics.details", Text.class);
        search.setText("PIN");
        int wrongPin = Arrays.asList(codes.getItems()).indexOf(Arrays.stream(codes.getItems())
                .filter(item -> item.getText(0).equals("0x0A000024") && item.getText(1).equals("skf")).findFirst().orElseThrow());
        codes.setSelection(wrongPin);
        Event click = new Event();
        click.item = codes.getItem(wrongPin);
        codes.notifyListeners(SWT.Selection, click);
        // The skf catalog has a Chinese translation (skf_zh.catalog): the remedy is read in the workbench's language.
        assertTrue(details.getText().contains(language().equals("en") ? "Never retry in a loop" : "\u5207\u52ff\u5faa\u73af\u91cd\u8bd5"),
                details.getText());
        Path png = Screenshots.save(window.getShell(), 0, 0, "diagnostics-view.png");
        assertTrue(Files.size(png) > 1000, "screenshot is empty: " + png);
        search.setText("");
    }

    /** The widget a view named {@code id} ({@code Widgets.ID_KEY}), as the UI tests' WidgetFinder finds it. */
    private static <W extends Control> W byId(Control control, String id, Class<W> type) {
        if (id.equals(control.getData(Widgets.ID_KEY)) && type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                W found = byId(child, id, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return control == control.getShell() ? fail("no " + type.getSimpleName() + " with id " + id) : null;
    }

    /**
     * The Devices view's first three columns (reader or key, transport, state) are as wide as their header and content
     * and lie inside the view (nothing to scroll to).
     */
    private static String actionText(org.eclipse.jface.action.IMenuManager menu, String id) {
        assertNotNull(menu, "no menu");
        var item = menu.find(id);
        assertTrue(item instanceof org.eclipse.jface.action.ActionContributionItem, id + ": " + item);
        return ((org.eclipse.jface.action.ActionContributionItem) item).getAction().getText();
    }

    private static void assertDevicesColumnsFit(IWorkbenchPage page) {
        Shell shell = page.getWorkbenchWindow().getShell();
        shell.layout(true, true);
        long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < until) {
            if (!shell.getDisplay().readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
        org.eclipse.swt.widgets.Table table = devicesTable(shell);
        assertNotNull(table, "no Devices table");
        int visible = table.getClientArea().width;
        int right = 0;
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            for (int i = 0; i < 3; i++) {
                org.eclipse.swt.widgets.TableColumn column = table.getColumn(i);
                int needed = gc.textExtent(column.getText()).x;
                for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
                    needed = Math.max(needed, gc.textExtent(item.getText(i)).x);
                }
                assertTrue(column.getWidth() >= needed, column.getText() + " is " + column.getWidth() + " px for " + needed + " px of text");
                right += column.getWidth();
            }
        } finally {
            gc.dispose();
        }
        assertTrue(right <= visible, "the Devices view shows " + visible + " px of its first three columns' " + right + " px");
    }

    private static org.eclipse.swt.widgets.Table devicesTable(Control control) {
        if (control instanceof org.eclipse.swt.widgets.Table table && "devices.table".equals(table.getData(org.tokenbench.ui.internal.views.Widgets.ID_KEY))) {
            return table;
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                org.eclipse.swt.widgets.Table found = devicesTable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> tabTexts(Composite parent) {
        List<String> texts = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (child instanceof CTabFolder folder && folder.isVisible()) {
                for (CTabItem tab : folder.getItems()) {
                    texts.add(tab.getText());
                }
            }
            if (child instanceof Composite composite) {
                texts.addAll(tabTexts(composite));
            }
        }
        return texts;
    }

    private static void waitUntil(Display display, java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }
}
