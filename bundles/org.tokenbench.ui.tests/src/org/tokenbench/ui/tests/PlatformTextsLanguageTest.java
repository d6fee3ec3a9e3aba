package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.statushandlers.StatusManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.tokenbench.ui.internal.jobs.Screenshots;

/**
 * The platform's own labels — JFace's buttons, the Preferences and Show View dialogs, Window › Show View › Other…, a
 * problem dialog — in the workbench's language: Simplified Chinese from TokenBench's language fragments
 * ({@code org.tokenbench.nl.zh.*}) in the views-zh run, JFace's and the workbench's English otherwise. The dialogs are
 * opened the way a user opens them (the workbench's commands, the real menu) and read from their widgets.
 */
class PlatformTextsLanguageTest {

    private static final boolean CHINESE = Platform.getNL().startsWith("zh");

    /** English from the platform's messages.properties, Chinese from our fragments' messages_zh.properties. */
    private static String expected(String english, String chinese) {
        return CHINESE ? chinese : english;
    }

    @Test
    void windowPreferencesOpensTheDialogWithItsButtonsAndFilterInTheWorkbenchsLanguage() throws Exception {
        Seen seen = openThroughCommand("org.eclipse.ui.window.preferences", "preferences-dialog.png", dialog -> {
            // TokenBench's page, as in the product (the test runtime adds the IDE's General page first)
            PreferenceDialog preferences = (PreferenceDialog) dialog.getData();
            preferences.getTreeViewer().setSelection(new StructuredSelection(preferences.getPreferenceManager().find("org.tokenbench.ui.preferences")), true);
        });
        assertEquals(expected("Preferences", "\u9996\u9009\u9879"), seen.title);
        assertTrue(seen.buttons.containsAll(List.of(expected("Cancel", "\u53d6\u6d88"), expected("Apply and Close", "\u5e94\u7528\u5e76\u5173\u95ed"),
                expected("Restore &Defaults", "\u6062\u590d\u9ed8\u8ba4\u503c(&D)"), expected("&Apply", "\u5e94\u7528(&A)"))), seen.buttons.toString());
        assertEquals(expected("type filter text", "\u8f93\u5165\u8fc7\u6ee4\u6587\u672c"), seen.filterMessage);
    }

    @Test
    void showViewOpensTheDialogWithItsButtonsAndFilterInTheWorkbenchsLanguage() throws Exception {
        Seen seen = openThroughCommand("org.eclipse.ui.views.showView", "show-view-dialog.png", dialog -> {
        });
        assertEquals(expected("Show View", "\u663e\u793a\u89c6\u56fe"), seen.title);
        assertTrue(seen.buttons.containsAll(List.of(expected("&Open", "\u6253\u5f00(&O)"), expected("Cancel", "\u53d6\u6d88"))), seen.buttons.toString());
        assertEquals(expected("type filter text", "\u8f93\u5165\u8fc7\u6ee4\u6587\u672c"), seen.filterMessage);
        assertTrue(seen.labels.contains(expected("Use F2 to display the description for a selected view.",
                "\u6309 F2 \u663e\u793a\u6240\u9009\u89c6\u56fe\u7684\u8bf4\u660e\u3002")), seen.labels.toString());
    }

    /** Window › Show View › Other… and Window › Open Perspective › Other…, as the menus show them when opened. */
    @Test
    void theWindowMenusOtherItemsAreInTheWorkbenchsLanguage() {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        List<String> items = new ArrayList<>();
        menuTexts(window.getMenuBar(), items);
        assertEquals(2, Collections.frequency(items, expected("&Other...", "\u5176\u4ed6(&O)...")), items.toString());
    }

    @Test
    void aQuestionIsAnsweredWithYesOrNoInTheWorkbenchsLanguage() {
        List<String> buttons = new ArrayList<>();
        boolean[] answer = {true};
        whileOpen(() -> answer[0] = MessageDialog.openQuestion(window(), "TokenBench", "Forget this reader?"), dialog -> {
            buttons.addAll(buttonTexts(dialog));
            press(dialog, 1); // the second button, No
        });
        assertFalse(answer[0]);
        assertEquals(new TreeSet<>(List.of(expected("&Yes", "\u662f(&Y)"), expected("&No", "\u5426(&N)"))), new TreeSet<>(buttons));
    }

    @Test
    void anInputDialogOffersOkAndCancelInTheWorkbenchsLanguage() {
        List<String> buttons = new ArrayList<>();
        InputDialog input = new InputDialog(window(), "TokenBench", "Key family:", "", null);
        int[] result = {Window.CANCEL};
        whileOpen(() -> result[0] = input.open(), dialog -> {
            buttons.addAll(buttonTexts(dialog));
            DialogAnswers.typeAndOk(dialog, "feitian-epass3003");
        });
        assertEquals(Window.OK, result[0]);
        assertEquals("feitian-epass3003", input.getValue());
        assertEquals(new TreeSet<>(List.of(expected("OK", "\u786e\u5b9a"), expected("Cancel", "\u53d6\u6d88"))), new TreeSet<>(buttons));
    }

    /**
     * A problem the workbench shows (StatusManager's SHOW, as for a failing command or view) in its problem dialog: title,
     * OK and Details. TokenBench's own device Jobs report failures in their views instead (NO_IMMEDIATE_ERROR_PROMPT).
     */
    @Test
    void aProblemTheWorkbenchShowsIsInTheWorkbenchsLanguage() {
        Seen seen = new Seen();
        boolean automated = ErrorDialog.AUTOMATED_MODE; // the test harness sets it: no problem dialogs in tests
        ErrorDialog.AUTOMATED_MODE = false;
        try {
            whileOpen(() -> {
                StatusManager.getManager().handle(new Status(IStatus.ERROR, "org.tokenbench.ui", "the reader went away",
                        new java.io.IOException("SCardTransmit: 0x80100069")), StatusManager.SHOW);
                DisplayWait.until(() -> seen.title != null, 10, () -> "no problem dialog");
            }, dialog -> {
                seen.read(dialog);
                screenshot(dialog, "problem-dialog.png");
                press(dialog, IDialogConstants.OK_ID);
            });
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
        }
        assertEquals(expected("Problem Occurred", "\u51fa\u73b0\u95ee\u9898"), seen.title);
        assertTrue(seen.buttons.containsAll(List.of(expected("OK", "\u786e\u5b9a"), expected("&Details >>", "\u8be6\u7ec6\u4fe1\u606f(&D) >>"))),
                seen.buttons.toString());
    }

    /**
     * Each fragment is attached to its host, and each of its translations is for a key the host's English file has, with
     * the same {n} placeholders: a platform update that renames a key would otherwise silently bring English back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"org.tokenbench.nl.zh.jface", "org.tokenbench.nl.zh.workbench", "org.tokenbench.nl.zh.renderers",
            "org.tokenbench.nl.zh.minmax"})
    void everyTranslationIsForAKeyThePlatformHasWithItsPlaceholders(String fragmentName) throws IOException {
        Bundle fragment = Platform.getBundle(fragmentName);
        assertNotNull(fragment, fragmentName + " is not in the runtime");
        String hostName = fragment.getHeaders("").get(Constants.FRAGMENT_HOST).split(";")[0].trim();
        Bundle host = Platform.getBundle(hostName);
        assertTrue(List.of(Platform.getFragments(host)).contains(fragment), fragmentName + " is not attached to " + hostName);
        List<URL> translations = Collections.list(fragment.findEntries("/", "*_zh.properties", true));
        assertFalse(translations.isEmpty(), fragmentName + " has no translations");
        for (URL translation : translations) {
            String englishPath = translation.getPath().replace("_zh.properties", ".properties");
            URL english = host.getEntry(englishPath);
            assertNotNull(english, hostName + " has no " + englishPath);
            Properties zh = load(translation);
            Properties en = load(english);
            for (String key : zh.stringPropertyNames()) {
                assertTrue(en.containsKey(key), translation.getPath() + ": " + key + " is not a key of " + hostName + englishPath);
                assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), translation.getPath() + ": " + key);
                assertFalse(zh.getProperty(key).isBlank(), translation.getPath() + ": " + key);
            }
        }
    }

    /** What a dialog showed: title, buttons, labels and its filter field's hint. */
    private static final class Seen {
        volatile String title;
        final List<String> buttons = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        String filterMessage;

        void read(Shell dialog) {
            buttons.addAll(buttonTexts(dialog));
            collect(dialog, this);
            title = dialog.getText();
        }
    }

    private static Seen openThroughCommand(String commandId, String screenshot, Consumer<Shell> before) throws Exception {
        Seen seen = new Seen();
        IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
        whileOpen(() -> {
            try {
                handlers.executeCommand(commandId, null);
            } catch (Exception e) {
                throw new AssertionError(commandId, e);
            }
        }, dialog -> {
            before.accept(dialog);
            seen.read(dialog);
            screenshot(dialog, screenshot);
            press(dialog, IDialogConstants.CANCEL_ID);
        });
        assertNotNull(seen.title, commandId + " opened no dialog");
        return seen;
    }

    /**
     * Runs {@code action} (which opens a dialog, modal or not) and answers the first new titled window but a workbench
     * window. Unlike {@link DialogAnswers} it takes a dialog without a parent too: a command run from a test has no
     * active shell under Xvfb, so Show View opens its dialog on none. A failure inside the answer closes the dialog and
     * fails the test, rather than leaving a modal dialog open until the test run times out.
     */
    private static void whileOpen(Runnable action, Consumer<Shell> answer) {
        Display display = Display.getCurrent();
        Set<Shell> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(List.of(display.getShells()));
        for (var window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            before.add(window.getShell());
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean[] answered = {false};
        Runnable[] look = new Runnable[1];
        look[0] = () -> {
            if (answered[0] || display.isDisposed()) {
                return;
            }
            for (Shell shell : display.getShells()) {
                if (!before.contains(shell) && shell.isVisible() && !shell.getText().isEmpty()) {
                    answered[0] = true;
                    try {
                        answer.accept(shell);
                    } catch (Throwable t) {
                        failure.set(t);
                    } finally {
                        if (failure.get() != null && !shell.isDisposed()) {
                            shell.close();
                        }
                    }
                    return;
                }
            }
            display.timerExec(50, look[0]);
        };
        display.timerExec(50, look[0]);
        try {
            action.run();
        } finally {
            answered[0] = true;
        }
        if (failure.get() != null) {
            throw new AssertionError("answering the dialog failed", failure.get());
        }
    }

    private static void screenshot(Shell dialog, String name) {
        try {
            Screenshots.save(dialog, 0, 0, ScreenshotNames.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** Presses the dialog's button with that JFace id (the id, not the label: the label is what is tested). */
    private static void press(Shell dialog, int id) {
        List<Button> buttons = new ArrayList<>();
        buttons(dialog, buttons);
        Button button = buttons.stream().filter(b -> Integer.valueOf(id).equals(b.getData())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id + " among " + buttonTexts(dialog)));
        DialogAnswers.press(button);
    }

    private static List<String> buttonTexts(Shell dialog) {
        List<Button> buttons = new ArrayList<>();
        buttons(dialog, buttons);
        return buttons.stream().filter(b -> (b.getStyle() & SWT.PUSH) != 0).map(Button::getText).toList();
    }

    private static void buttons(Control control, List<Button> found) {
        if (control instanceof Button button) {
            found.add(button);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                buttons(child, found);
            }
        }
    }

    private static void collect(Control control, Seen seen) {
        if (control instanceof Label label) {
            seen.labels.add(label.getText());
        } else if (control instanceof Text text) {
            if ((text.getStyle() & SWT.SEARCH) != 0 || !text.getMessage().isEmpty()) {
                seen.filterMessage = text.getMessage();
            } else if ((text.getStyle() & SWT.READ_ONLY) != 0 || !text.getEditable()) {
                seen.labels.add(text.getText());
            }
        } else if (control instanceof org.eclipse.swt.custom.StyledText || control instanceof org.eclipse.swt.widgets.Link) {
            seen.labels.add(control instanceof org.eclipse.swt.widgets.Link link ? link.getText()
                    : ((org.eclipse.swt.custom.StyledText) control).getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, seen);
            }
        }
    }

    /** The menu's items as they are when it opens (menu managers fill their menus on SWT.Show), its submenus too. */
    private static void menuTexts(Menu menu, List<String> texts) {
        menu.notifyListeners(SWT.Show, new Event());
        try {
            for (MenuItem item : menu.getItems()) {
                texts.add(item.getText().split("\t")[0]); // without the key binding
                if (item.getMenu() != null) {
                    menuTexts(item.getMenu(), texts);
                }
            }
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }

    private static Properties load(URL url) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
