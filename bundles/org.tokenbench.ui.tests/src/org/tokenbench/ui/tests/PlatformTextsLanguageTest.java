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
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.tokenbench.ui.internal.jobs.Screenshots;

/**
 * The platform's own labels — JFace's buttons, the Preferences and Show View dialogs, Window › Show View › Other…, a
 * failed Job's error dialog — in the workbench's language: Simplified Chinese from TokenBench's language fragments
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
        Seen seen = openThroughCommand("org.eclipse.ui.window.preferences", "preferences-dialog.png");
        assertEquals(expected("Preferences", "\u9996\u9009\u9879"), seen.title);
        assertTrue(seen.buttons.containsAll(List.of(expected("Cancel", "\u53d6\u6d88"), expected("Apply and Close", "\u5e94\u7528\u5e76\u5173\u95ed"),
                expected("Restore &Defaults", "\u6062\u590d\u9ed8\u8ba4\u503c(&D)"), expected("&Apply", "\u5e94\u7528(&A)"))), seen.buttons.toString());
        assertEquals(expected("type filter text", "\u8f93\u5165\u8fc7\u6ee4\u6587\u672c"), seen.filterMessage);
    }

    @Test
    void showViewOpensTheDialogWithItsButtonsAndFilterInTheWorkbenchsLanguage() throws Exception {
        Seen seen = openThroughCommand("org.eclipse.ui.views.showView", "show-view-dialog.png");
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
        boolean answer;
        try (DialogAnswers user = new DialogAnswers(dialog -> {
            buttons.addAll(buttonTexts(dialog));
            press(dialog, 1); // the second button, No
        })) {
            answer = MessageDialog.openQuestion(window(), "TokenBench", "Forget this reader?");
        }
        assertFalse(answer);
        assertEquals(new TreeSet<>(List.of(expected("&Yes", "\u662f(&Y)"), expected("&No", "\u5426(&N)"))), new TreeSet<>(buttons));
    }

    @Test
    void anInputDialogOffersOkAndCancelInTheWorkbenchsLanguage() {
        List<String> buttons = new ArrayList<>();
        InputDialog input = new InputDialog(window(), "TokenBench", "Key family:", "", null);
        int result;
        try (DialogAnswers user = new DialogAnswers(dialog -> {
            buttons.addAll(buttonTexts(dialog));
            DialogAnswers.typeAndOk(dialog, "feitian-epass3003");
        })) {
            result = input.open();
        }
        assertEquals(Window.OK, result);
        assertEquals("feitian-epass3003", input.getValue());
        assertEquals(new TreeSet<>(List.of(expected("OK", "\u786e\u5b9a"), expected("Cancel", "\u53d6\u6d88"))), new TreeSet<>(buttons));
    }

    /** A Job that fails shows the workbench's problem dialog: its title, its "… has encountered a problem" and OK. */
    @Test
    void aFailedJobsDialogIsInTheWorkbenchsLanguage() throws Exception {
        String jobName = "TokenBench test job";
        Seen seen = new Seen();
        try (DialogAnswers user = new DialogAnswers(dialog -> {
            seen.read(dialog);
            screenshot(dialog, "job-error-dialog.png");
            press(dialog, IDialogConstants.OK_ID);
        })) {
            Job failing = Job.create(jobName, (org.eclipse.core.runtime.jobs.IJobFunction) monitor -> Status.error("the reader went away"));
            failing.setUser(true);
            failing.schedule();
            DisplayWait.until(() -> seen.title != null, 10, () -> "no error dialog");
            DisplayWait.until(() -> PlatformUI.getWorkbench().getDisplay().getActiveShell() == window(), 5, () -> "the error dialog stayed open");
        }
        assertEquals(expected("Problem Occurred", "\u51fa\u73b0\u95ee\u9898"), seen.title);
        assertTrue(seen.labels.stream().anyMatch(expected("'" + jobName + "' has encountered a problem.",
                "\u201c" + jobName + "\u201d\u9047\u5230\u4e86\u95ee\u9898\u3002")::equals), seen.labels.toString());
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

    private static Seen openThroughCommand(String commandId, String screenshot) throws Exception {
        Seen seen = new Seen();
        try (DialogAnswers user = new DialogAnswers(dialog -> {
            seen.read(dialog);
            screenshot(dialog, screenshot);
            press(dialog, IDialogConstants.CANCEL_ID);
        })) {
            PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class).executeCommand(commandId, null);
        }
        assertNotNull(seen.title, commandId + " opened no dialog");
        return seen;
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
                texts.add(item.getText());
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
