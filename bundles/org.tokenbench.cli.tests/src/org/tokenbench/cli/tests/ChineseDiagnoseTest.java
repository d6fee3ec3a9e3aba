package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.cli.internal.Console;
import org.tokenbench.cli.internal.PlainLaunch;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * {@code tokenbench diagnose} under a Chinese default locale (what {@code LANG=zh_CN.UTF-8} or
 * {@code -Duser.language=zh -Duser.country=CN} give the JVM): Chinese texts and labels, the same bytes on the OSGi
 * path and on the fast path, whose registry here reads the bundles' jars without OSGi as the product's does.
 */
class ChineseDiagnoseTest {

    private Locale before;

    @BeforeEach
    void chinese() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.of("zh", "CN"));
    }

    @AfterEach
    void back() {
        Locale.setDefault(before);
    }

    @Test
    void aWrongSkfPinIsExplainedInChineseOnBothPaths() throws Exception {
        CliRun osgi = CliRun.of("diagnose", "0x0A000024");
        assertEquals(0, osgi.exitCode(), osgi.err());
        String nl = System.lineSeparator();
        assertEquals("PIN码错误 (SAR_PIN_INCORRECT) [skf:0x0A000024]" + nl
                + "  U盾拒绝了该PIN码，并将重试次数减少了一次。" + nl
                + "  可能原因：PIN码输入错误；把管理员PIN码当作用户PIN码输入；键盘布局或大写锁定" + nl
                + "  处理办法：再次尝试之前，先查看 TokenBench 显示的剩余重试次数。切勿循环重试：重试次数为 0 时PIN码将被锁定。" + nl, osgi.out());
        assertSameOnTheFastPath("diagnose", "0x0A000024");
    }

    @Test
    void otherChineseCasesMatchTheFastPath() throws Exception {
        CliRun busy = CliRun.of("diagnose", "pcsc:0x8010000B", "--json");
        assertTrue(busy.out().startsWith("{\"namespace\": \"pcsc\", \"code\": \"0x8010000B\", \"title\": \"其他程序正在使用该读卡器 (SCARD_E_SHARING_VIOLATION)\""),
                busy.out());
        CliRun console = CliRun.of("diagnose", "0x21220003");
        assertTrue(console.out().startsWith("未找到证书 [guomi.console:0x21220003]"), console.out());
        CliRun sharedStatusWord = CliRun.of("diagnose", "6982");
        assertTrue(sharedStatusWord.out().startsWith("安全状态不满足 [iso7816:0x6982]"), sharedStatusWord.out());
        assertTrue(sharedStatusWord.out().contains("未认证 [safeid:0x6982]"), sharedStatusWord.out());
        CliRun otp = CliRun.withStdin("otpauth://totp/x?secret=JBSWY31PEHPK3PXP", "otp", "code", "--uri-file", "-");
        assertTrue(otp.err().contains("处理办法：从报告的位置起逐个字符核对密钥"), otp.err());
        for (List<String> line : List.of(List.of("diagnose", "pcsc:0x8010000B", "--json"), List.of("diagnose", "0x21220003"),
                List.of("diagnose", "6982"), List.of("diagnose", "--list", "skf"), List.of("diagnose", "0x0A000099"),
                List.of("diagnose", "guomi:0x0013"), List.of("diagnose", "tokenbench:0x0008"), List.of("diagnose", "--list", "ykoath"))) {
            assertSameOnTheFastPath(line.toArray(String[]::new));
        }
    }

    private static void assertSameOnTheFastPath(String... args) throws Exception {
        CliRun osgi = CliRun.of(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (URLClassLoader jars = bundleJars()) {
            Console console = PlainLaunch.console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), DiagnosticsRegistry.fromClassPath(jars));
            int exitCode = PlainLaunch.tool().run(args, console);
            assertEquals(osgi.exitCode(), exitCode, "exit code of " + List.of(args));
            assertArrayEquals(osgi.stdout(), out.toByteArray(), "stdout of " + List.of(args) + ": " + out.toString(StandardCharsets.UTF_8));
            assertEquals(osgi.err(), err.toString(StandardCharsets.UTF_8), "stderr of " + List.of(args));
        }
    }

    /**
     * The JVM's own locale from {@code -Duser.language=zh -Duser.country=CN} (as {@code LANG=zh_CN.UTF-8} gives it where
     * that locale is installed): a plain {@code java -cp} over this framework's jars runs the fast path's main class
     * in a process of its own and prints what the OSGi path prints.
     */
    @Test
    void theFastPathsOwnProcessSpeaksChineseWithUserLanguageZh(@TempDir Path dir) throws Exception {
        List<String> jars = new ArrayList<>(bundleFiles(bundle -> true).stream().map(URL::getPath)
                .filter(path -> path.endsWith(".jar") && !path.endsWith("-sources.jar")).toList());
        // The product's fast path rewrites the CLI's class files (UpgradeClassFiles) so they verify without the OSGi
        // API; these are the bundles as built, which need it on the class path (nothing starts a framework).
        jars.add(URI.create(FrameworkUtil.getBundle(ChineseDiagnoseTest.class).getBundleContext().getProperty("osgi.framework")).getPath());
        String classPath = String.join(File.pathSeparator, jars);
        String javaBinary = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(javaBinary, "-Duser.language=zh", "-Duser.country=CN", "-cp", classPath,
                "org.tokenbench.cli.internal.PlainLaunch", "diagnose", "0x0A000024")
                .redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile());
        builder.environment().put("LANG", "C.UTF-8"); // a UTF-8 terminal; the language comes from the properties
        builder.environment().remove("LC_ALL");
        builder.environment().put("TOKENBENCH_HOME", dir.resolve("home").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the fast path did not finish");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(0, process.exitValue(), err);
        CliRun osgi = CliRun.of("diagnose", "0x0A000024");
        assertArrayEquals(osgi.stdout(), Files.readAllBytes(dir.resolve("out")),
                "fast path printed: " + Files.readString(dir.resolve("out")) + err);
        assertTrue(osgi.out().startsWith("PIN码错误 (SAR_PIN_INCORRECT)"), osgi.out());
    }

    /** The framework's bundles with catalogs, as a plain class path. */
    private static URLClassLoader bundleJars() throws Exception {
        List<URL> urls = bundleFiles(bundle -> bundle.getHeaders("").get(DiagnosticsRegistry.CATALOG_HEADER) != null);
        assertFalse(urls.isEmpty(), "no bundle with catalogs");
        assertTrue(urls.stream().anyMatch(url -> url.toString().contains("org.tokenbench.skf")), urls.toString());
        return new URLClassLoader(urls.toArray(URL[]::new), null);
    }

    /** The files of the framework's bundles that {@code which} selects (Tycho installs jars; the system bundle has none). */
    private static List<URL> bundleFiles(Predicate<Bundle> which) throws Exception {
        List<URL> urls = new ArrayList<>();
        BundleContext context = FrameworkUtil.getBundle(ChineseDiagnoseTest.class).getBundleContext();
        String area = context.getProperty("osgi.install.area");
        URI installArea = URI.create(area.endsWith("/") ? area : area + "/");
        for (Bundle bundle : context.getBundles()) {
            // "initial@reference:file:../../../org.tokenbench.skf/target/org.tokenbench.skf-0.1.0-SNAPSHOT.jar" as Tycho
            // installs them: relative to the framework's install area.
            String location = bundle.getLocation();
            int file = location.indexOf("file:");
            if (bundle.getBundleId() == 0 || !which.test(bundle)) {
                continue;
            }
            assertTrue(file >= 0, "a bundle not installed from a file: " + location);
            urls.add(installArea.resolve(location.substring(file + "file:".length())).toURL());
        }
        return urls;
    }
}
