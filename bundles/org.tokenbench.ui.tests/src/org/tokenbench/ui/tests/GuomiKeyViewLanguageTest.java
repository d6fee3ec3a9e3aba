package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.jobs.Screenshots;

/**
 * The Guomi checklist's step titles in the workbench's language: the same ten rows in English and, in the ui.tests
 * pom's views-zh execution ({@code -nl zh_CN}), in Chinese, with a screenshot of each. The expected titles come from
 * the SKF transport's own texts ({@link SkfEnvironment#steps()}), so the test follows the translation, not a copy.
 */
class GuomiKeyViewLanguageTest {

    @TempDir
    Path dir;

    @Test
    void theStepsAreTitledInTheWorkbenchsLanguage() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("user_pin", "24681357"));
        Shell root = GuomiKeyViewTest.showWith(key).getShell();

        Table steps = WidgetFinder.find(root, "guomi.steps", Table.class);
        Button run = WidgetFinder.find(root, "guomi.run", Button.class);
        WidgetFinder.click(root, "guomi.run");
        DisplayWait.until(() -> steps.getItemCount() == 10 && run.isEnabled(), 15, () -> steps.getItemCount() + " rows");
        List<String> titles = Arrays.stream(steps.getItems()).map((TableItem item) -> item.getText(0)).toList();
        assertEquals(SkfEnvironment.steps().stream().map(Checklist.Step::title).toList(), titles.subList(0, 3), titles.toString());
        boolean chinese = Platform.getNL().startsWith("zh");
        assertEquals(chinese ? "zh" : "en", Locale.getDefault().getLanguage(), "the workbench's language is the JVM's");
        for (String title : titles) {
            assertEquals(chinese, title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), title);
        }
        assertEquals(chinese ? "\u767b\u5f55\u7b7e\u540d\u5f80\u8fd4\u9a8c\u8bc1" : "Logon signature round trip", titles.get(9));
        // every state has its own icon (icons/states): a passed step no longer shows the platform's "info" one
        assertTrue(Arrays.stream(steps.getItems()).allMatch(item -> item.getImage(0) != null && !item.getImage(0).isDisposed()),
                "every step shows its state's icon");
        Screenshots.save(root, 1280, 800, ScreenshotNames.of("guomi-key-steps-1280x800.png"));
        GuomiKeyViewTest.awaitNoJobOnTheKey();
    }
}
