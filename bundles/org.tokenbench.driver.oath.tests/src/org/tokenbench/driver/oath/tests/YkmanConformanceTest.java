package org.tokenbench.driver.oath.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;

/**
 * Real-client conformance: Yubico's own ykman (Debian's yubikey-manager 4.0.9) is run as a process on the same vpcd
 * reader. What TokenBench writes, ykman lists and computes the same codes for; what ykman writes, TokenBench lists and
 * computes; passwords set by either open the applet for the other. Without ykman the tests are skipped with a message,
 * except under CI=true, where its absence fails them.
 */
@EnabledIf(value = "ykmanPresentOrRequired", disabledReason = "ykman is not installed (apt-get install yubikey-manager): the ykman round trips are skipped")
class YkmanConformanceTest extends OathCardTest {

    private static final ScriptedInteraction YES = new ScriptedInteraction(true);

    @TempDir
    Path ykmanHome;

    /** Runs the tests when ykman is there, and under CI=true also when it is not, so that its absence fails them there. */
    static boolean ykmanPresentOrRequired() {
        return ykmanPresent() || "true".equals(System.getenv("CI"));
    }

    static boolean ykmanPresent() {
        return System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ykman")));
    }

    @BeforeAll
    static void ykmanIsThere() {
        if (!ykmanPresent()) {
            fail("ykman is not installed, and CI must check the YKOATH driver against it: apt-get install yubikey-manager");
        }
    }

    record Run(int exit, String out, String err) {
    }

    /** ykman on the virtual card's reader, with a private HOME (it keeps remembered passwords there). */
    private Run ykman(String... args) throws Exception {
        closeSession(); // the channel is exclusive: ykman gets the card only after TokenBench let go
        List<String> command = new ArrayList<>(List.of("ykman", "--reader", reader.name()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", ykmanHome.toString());
        Path out = ykmanHome.resolve("out");
        Path err = ykmanHome.resolve("err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("ykman " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run ykmanOk(String... args) throws Exception {
        Run run = ykman(args);
        assertEquals(0, run.exit(), "ykman " + String.join(" ", args) + ": " + run.err() + run.out());
        return run;
    }

    /** ykman's "name   code" lines. */
    private static Map<String, String> codes(String out) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            int gap = line.lastIndexOf("  ");
            if (gap > 0) {
                codes.put(line.substring(0, gap).strip(), line.substring(gap).strip());
            }
        }
        return codes;
    }

    /** Runs {@code action}; its answer must equal the expected value at the time before or after it (a step may end meanwhile). */
    private static void assertSameCodeAround(LongFunction<String> expected, String actual, long before, String what) {
        long after = Instant.now().getEpochSecond();
        assertTrue(actual.equals(expected.apply(before)) || actual.equals(expected.apply(after)),
                what + ": got " + actual + ", expected " + expected.apply(before) + " or " + expected.apply(after));
    }

    private static LongFunction<String> expectedFor(String uri) {
        return time -> {
            try {
                return expected(uri, time);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void whatTokenBenchWritesYkmanListsAndComputesTheSameCodesFor() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        CredentialStore store = open(YES);
        for (String uri : List.of(OathDriverTest.TOTP, OathDriverTest.TOTP_SHA256_60_8, OathDriverTest.TOTP_SHA512, OathDriverTest.HOTP)) {
            put(store, uri, false, YES);
        }
        assertEquals(List.of("60/ACME:ops@example.com", "Bank:carol", "Example:alice@example.com", "VPN:dave"),
                ykmanOk("oath", "accounts", "list").out().strip().lines().sorted().toList());

        long before = Instant.now().getEpochSecond();
        Map<String, String> codes = codes(ykmanOk("oath", "accounts", "code").out());
        assertSameCodeAround(expectedFor(OathDriverTest.TOTP), codes.get("Example:alice@example.com"), before, "SHA-1 30 s");
        assertSameCodeAround(expectedFor(OathDriverTest.TOTP_SHA256_60_8), codes.get("60/ACME:ops@example.com"), before, "SHA-256 60 s 8 digits");
        assertSameCodeAround(expectedFor(OathDriverTest.TOTP_SHA512), codes.get("Bank:carol"), before, "SHA-512 7 digits");
        assertEquals("[HOTP Account]", codes.get("VPN:dave"));
        assertEquals(expected(OathDriverTest.HOTP, 0), codes(ykmanOk("oath", "accounts", "code", "VPN:dave").out()).get("VPN:dave"),
                "ykman's first HOTP code is for the initial counter TokenBench wrote");
    }

    @Test
    void whatYkmanWritesTokenBenchListsAndComputes() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        open(YES); // waits until the devices service's own probe of the new card is over
        for (String uri : List.of(OathDriverTest.TOTP, OathDriverTest.TOTP_SHA256_60_8, OathDriverTest.TOTP_SHA512, OathDriverTest.HOTP)) {
            ykmanOk("oath", "accounts", "uri", "-f", uri);
        }
        ykmanOk("oath", "accounts", "add", "-f", "-t", "-i", "Touchy", "eve", "JBSWY3DPEHPK3PXP");

        CredentialStore store = open(YES);
        Map<String, CredentialStore.Credential> listed = new LinkedHashMap<>();
        store.list().forEach(c -> listed.put(c.name(), c));
        assertEquals(List.of("Example:alice@example.com", "60/ACME:ops@example.com", "Bank:carol", "VPN:dave", "Touchy:eve"),
                List.copyOf(listed.keySet()));
        assertEquals(new CredentialStore.Credential("60/ACME:ops@example.com", CredentialStore.Type.TOTP, HashAlgorithm.SHA256, 8, 60, false),
                listed.get("60/ACME:ops@example.com"));
        assertEquals(HashAlgorithm.SHA512, listed.get("Bank:carol").algorithm());
        assertEquals(7, listed.get("Bank:carol").digits());
        assertEquals(CredentialStore.Type.HOTP, listed.get("VPN:dave").type());
        assertTrue(listed.get("Touchy:eve").requiresTouch());

        Instant now = Instant.now();
        Map<String, CredentialStore.Code> codes = new LinkedHashMap<>();
        store.calculateAll(now).forEach(c -> codes.put(c.credential().name(), c));
        assertEquals(expected(OathDriverTest.TOTP, now.getEpochSecond()), codes.get("Example:alice@example.com").code().orElseThrow());
        assertEquals(expected(OathDriverTest.TOTP_SHA256_60_8, now.getEpochSecond()), codes.get("60/ACME:ops@example.com").code().orElseThrow());
        assertEquals(expected(OathDriverTest.TOTP_SHA512, now.getEpochSecond()), codes.get("Bank:carol").code().orElseThrow());
        assertEquals(Optional.of("touch the key"), codes.get("Touchy:eve").whyNot());
        assertEquals(expected(OathDriverTest.HOTP, 0), store.calculate("VPN:dave", now).code().orElseThrow(),
                "ykman's initial counter is where TokenBench's first HOTP code starts");
    }

    @Test
    void aPasswordSetByEitherOpensTheAppletForTheOther() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        put(open(YES), OathDriverTest.TOTP, false, YES);
        ykmanOk("oath", "access", "change", "-n", "set-by-ykman");

        CredentialStore store = open(ScriptedInteraction.typing("set-by-ykman"));
        assertTrue(store.passwordProtected());
        assertEquals(1, store.list().size(), "TokenBench derives the same access key from the password and the salt");
        store.setPassword(Optional.of(Secret.adopt("set-by-tokenbench".getBytes(StandardCharsets.UTF_8))));

        assertEquals("Example:alice@example.com", ykmanOk("oath", "accounts", "list", "-p", "set-by-tokenbench").out().strip());
        assertNotEquals(0, ykman("oath", "accounts", "list", "-p", "set-by-ykman").exit(), "the old password no longer opens it");

        assertEquals(1, open(ScriptedInteraction.typing("set-by-tokenbench")).list().size());
        open(ScriptedInteraction.typing("set-by-tokenbench")).reset(YES);
        assertEquals("", ykmanOk("oath", "accounts", "list").out().strip(), "after TokenBench's reset ykman finds an empty applet without password");
    }
}
