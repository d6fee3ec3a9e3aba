package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenbench.driver.guomi.CheckResult;
import org.tokenbench.driver.guomi.CheckResult.Status;
import org.tokenbench.driver.guomi.CheckStep;
import org.tokenbench.driver.guomi.EnvironmentCheck;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** The "USB key environment" checklist through real native calls into the soft SKF library. */
class EnvironmentCheckTest {

    @TempDir
    Path dir;

    @Test
    void everyStepPassesOnAHealthyKeyWithCaAndPin() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        List<CheckResult> results = SoftKeys.check(key, Optional.of(SoftKeys.caOf(key)), Optional.of(SoftKeys.USER_PIN));
        assertEquals(CheckStep.values().length, results.size());
        for (CheckResult result : results) {
            assertEquals(Status.PASSED, result.status(), result.toString());
        }
        assertTrue(results.get(3).detail().contains("serial SOFT"), results.get(3).detail());
        assertEquals("6", key.state("user_remain"), "a correct PIN leaves the counter full");
    }

    @Test
    void withoutCaAndPinTheUncheckedPartsAreSaidSo() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        List<CheckResult> results = SoftKeys.check(key, Optional.empty(), Optional.empty());
        assertEquals(Status.WARNING, results.get(CheckStep.CERTIFICATE_VALID.ordinal()).status());
        CheckResult signature = results.get(CheckStep.SIGNATURE.ordinal());
        assertEquals(Status.SKIPPED, signature.status());
        assertEquals("guomi:0x0011", signature.code().orElseThrow().toString());
    }

    /** Each fault the soft library injects, the step it must fail and the code the user is shown. */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(List.of("remove SKF_EnumDev 1"), Map.of(), CheckStep.DEVICE_PRESENT, "guomi:0x0004", "lists no key"),
                Arguments.of(List.of("no-terminator SKF_EnumDev"), Map.of(), CheckStep.DEVICE_PRESENT, "guomi:0x0005", "without its closing NUL"),
                Arguments.of(List.of("lie-length SKF_EnumDev"), Map.of(), CheckStep.DEVICE_PRESENT, "guomi:0x0005", "into a buffer of"),
                Arguments.of(List.of("fail SKF_GetDevInfo 1 0A000001"), Map.of(), CheckStep.DEVICE_INFO, "skf:0x0A000001", "SKF_GetDevInfo"),
                Arguments.of(List.of("fail SKF_OpenApplication * 0A00002E"), Map.of(), CheckStep.APPLICATION, "skf:0x0A00002E", "opening application"),
                Arguments.of(List.of("fail SKF_GetContainerType * 0A000005"), Map.of(), CheckStep.SM2_CONTAINER, "skf:0x0A000005", "type of container"),
                Arguments.of(List.of("corrupt-cert"), Map.of(), CheckStep.CERTIFICATE, "guomi.console:0x21210001", "does not parse"),
                Arguments.of(List.of("lie-length SKF_ExportCertificate"), Map.of(), CheckStep.CERTIFICATE, "guomi:0x0005", "bytes written into a buffer"),
                Arguments.of(List.of("fail SKF_ExportCertificate 2 0A00001C"), Map.of(), CheckStep.CERTIFICATE, "guomi:0x0008", "no signing certificate"),
                Arguments.of(List.of(), Map.of("cert_valid_days", "-3"), CheckStep.CERTIFICATE_VALID, "guomi:0x0009", "expired"),
                Arguments.of(List.of(), Map.of("user_remain", "0"), CheckStep.PIN_NOT_LOCKED, "skf:0x0A000025", "locked"),
                Arguments.of(List.of("bad-bitlen"), Map.of(), CheckStep.SIGNATURE, "guomi:0x0005", "1024-bit key"),
                Arguments.of(List.of("fail SKF_Digest 1 0A000014"), Map.of(), CheckStep.SIGNATURE, "skf:0x0A000014", "hashing the challenge"),
                Arguments.of(List.of("remove SKF_ECCSignData 1"), Map.of(), CheckStep.SIGNATURE, "skf:0x0A000023", "removed during this step"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("faults")
    void eachInjectedFaultFailsItsStepWithItsCode(List<String> faults, Map<String, String> provisioning, CheckStep step, String code,
            String message) throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), provisioning);
        byte[] ca = SoftKeys.caOf(key);
        key.faults(faults.toArray(String[]::new));
        List<CheckResult> results = SoftKeys.check(key, Optional.of(ca), Optional.of(SoftKeys.USER_PIN));
        for (CheckResult result : results) {
            if (result.step().ordinal() < step.ordinal()) {
                assertTrue(result.status() == Status.PASSED || result.status() == Status.WARNING, result.toString());
            } else if (result.step() == step) {
                assertEquals(Status.FAILED, result.status(), result.toString());
                assertEquals(code, result.code().orElseThrow().toString(), result.toString());
                assertTrue(result.detail().contains(message), result.detail());
            } else {
                assertEquals(Status.SKIPPED, result.status(), "steps after a failure are not checked: " + result);
            }
        }
    }

    @Test
    void aCertificateFromAnotherCaDoesNotChain() throws Exception {
        SoftSkf other = SoftSkf.create(SoftSkf.copyAsVendor(dir.resolve("vendor-b"), "libvendorb.so"), dir.resolve("other"), Map.of());
        byte[] foreignCa = SoftKeys.caOf(other);
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        CheckResult valid = SoftKeys.check(key, Optional.of(foreignCa), Optional.empty()).get(CheckStep.CERTIFICATE_VALID.ordinal());
        assertEquals(Status.FAILED, valid.status());
        assertEquals("guomi:0x000B", valid.code().orElseThrow().toString());
    }

    @Test
    void aMissingOrForeignLibraryFailsTheFirstSteps() throws Exception {
        CheckResult missing = EnvironmentCheck.run(new EnvironmentCheck.Options(dir.resolve("libnothere.so"), Optional.empty(), Optional.empty(),
                Optional.empty()), new ScriptedInteraction(false), r -> { }).get(0);
        assertEquals("guomi:0x0001", missing.code().orElseThrow().toString());

        Path notALibrary = Files.writeString(dir.resolve("libfake.so"), "this is text");
        CheckResult unloadable = EnvironmentCheck.run(new EnvironmentCheck.Options(notALibrary, Optional.empty(), Optional.empty(),
                Optional.empty()), new ScriptedInteraction(false), r -> { }).get(0);
        assertEquals("guomi:0x0002", unloadable.code().orElseThrow().toString());
        assertTrue(unloadable.detail().contains("libfake.so"), unloadable.detail());

        // A real shared library that is not an SKF library: OpenSSL's libcrypto, which the soft key itself uses.
        Path libcrypto = Stream.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib64/libcrypto.so.3")
                .map(Path::of).filter(Files::isRegularFile).findFirst().orElseThrow();
        List<CheckResult> foreign = EnvironmentCheck.run(new EnvironmentCheck.Options(libcrypto, Optional.empty(), Optional.empty(),
                Optional.empty()), new ScriptedInteraction(false), r -> { });
        assertEquals(Status.PASSED, foreign.get(0).status());
        assertEquals(Status.FAILED, foreign.get(1).status());
        assertEquals("guomi:0x0003", foreign.get(1).code().orElseThrow().toString());
        assertTrue(foreign.get(1).detail().contains("SKF_EnumDev"), foreign.get(1).detail());
    }
}
