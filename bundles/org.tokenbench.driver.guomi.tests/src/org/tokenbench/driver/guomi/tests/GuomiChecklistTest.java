package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.guomi.internal.GuomiDriver;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** The "USB key environment" checklist (transport steps + the driver's device steps) through real native calls. */
class GuomiChecklistTest {

    static final List<String> STEP_IDS = List.of("library-loads", "functions-exported", "device-present", "device-info", "application",
            "sm2-container", "certificate", "certificate-valid", "pin-not-locked", "signature");

    @TempDir
    Path dir;

    @Test
    void theDriverListsAllTenStepsInOrderWithTodaysTitles() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        try (SkfConnection connection = SoftKeys.connect(key); TokenSession session = new GuomiDriver().open(connection, new ScriptedInteraction(false))) {
            List<Checklist.Step> steps = session.feature(Checklist.class).orElseThrow().steps();
            assertEquals(STEP_IDS, steps.stream().map(Checklist.Step::id).toList());
            assertEquals("Vendor SKF library found and loadable", steps.get(0).title());
            assertEquals("Logon signature round trip", steps.get(9).title());
        }
    }

    @Test
    void everyStepPassesOnAHealthyKeyWithCaAndPin() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        List<Result> results = SoftKeys.check(key, Optional.of(SoftKeys.caOf(key)), Optional.of(SoftKeys.USER_PIN));
        assertEquals(STEP_IDS, results.stream().map(r -> r.step().id()).toList());
        for (Result result : results) {
            assertEquals(Status.PASSED, result.status(), result.toString());
        }
        assertTrue(results.get(3).detail().contains("serial SOFT"), results.get(3).detail());
        assertEquals("6", key.state("user_remain"), "a correct PIN leaves the counter full");
    }

    @Test
    void withoutCaAndPinTheUncheckedPartsAreSaidSo() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        List<Result> results = SoftKeys.check(key, Optional.empty(), Optional.empty());
        Result chain = results.get(STEP_IDS.indexOf("certificate-valid"));
        assertEquals(Status.SKIPPED, chain.status());
        assertEquals("guomi:0x0026", chain.code().orElseThrow().toString());
        assertTrue(chain.detail().endsWith("issuer and revocation not checked: no CA certificate given"), chain.detail());
        assertTrue(Checklist.passedWithUncheckedSteps(results), "nothing failed, but this is not 'verified'");
        Result signature = results.get(STEP_IDS.indexOf("signature"));
        assertEquals(Status.SKIPPED, signature.status());
        assertEquals("guomi:0x0011", signature.code().orElseThrow().toString());
    }

    /**
     * Each fault the soft library injects, the step it must fail and the code the user is shown. SKF_GetDevInfo's
     * first call is the session's identity read, so the checklist's own read is the second.
     */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(List.of("remove SKF_EnumDev 1"), Map.of(), "device-present", "guomi:0x0004", "lists no key"),
                Arguments.of(List.of("no-terminator SKF_EnumDev"), Map.of(), "device-present", "guomi:0x0005", "without its closing NUL"),
                Arguments.of(List.of("lie-length SKF_EnumDev"), Map.of(), "device-present", "guomi:0x0005", "into a buffer of"),
                Arguments.of(List.of("fail SKF_GetDevInfo 2 0A000001"), Map.of(), "device-info", "skf:0x0A000001", "SKF_GetDevInfo"),
                Arguments.of(List.of("fail SKF_OpenApplication * 0A00002E"), Map.of(), "application", "skf:0x0A00002E", "opening application"),
                Arguments.of(List.of("fail SKF_GetContainerType * 0A000005"), Map.of(), "sm2-container", "skf:0x0A000005", "type of container"),
                Arguments.of(List.of("corrupt-cert"), Map.of(), "certificate", "guomi.console:0x21210001", "does not parse"),
                Arguments.of(List.of("lie-length SKF_ExportCertificate"), Map.of(), "certificate", "guomi:0x0005", "bytes written into a buffer"),
                Arguments.of(List.of("fail SKF_ExportCertificate 2 0A00001C"), Map.of(), "certificate", "guomi:0x0008", "no signing certificate"),
                Arguments.of(List.of(), Map.of("cert_valid_days", "-3"), "certificate-valid", "guomi:0x0009", "expired"),
                Arguments.of(List.of(), Map.of("user_remain", "0"), "pin-not-locked", "skf:0x0A000025", "locked"),
                Arguments.of(List.of("bad-bitlen"), Map.of(), "signature", "guomi:0x0005", "1024-bit key"),
                Arguments.of(List.of("fail SKF_Digest 1 0A000014"), Map.of(), "signature", "skf:0x0A000014", "hashing the challenge"),
                Arguments.of(List.of("remove SKF_ECCSignData 1"), Map.of(), "signature", "skf:0x0A000023", "removed during this step"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("faults")
    void eachInjectedFaultFailsItsStepWithItsCode(List<String> faults, Map<String, String> provisioning, String step, String code,
            String message) throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), provisioning);
        byte[] ca = SoftKeys.caOf(key);
        key.faults(faults.toArray(String[]::new));
        List<Result> results = SoftKeys.check(key, Optional.of(ca), Optional.of(SoftKeys.USER_PIN));
        assertEquals(STEP_IDS, results.stream().map(r -> r.step().id()).toList(), "every step is reported once, in order");
        int failing = STEP_IDS.indexOf(step);
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            if (i < failing) {
                assertTrue(result.status() == Status.PASSED || result.status() == Status.WARNING, result.toString());
            } else if (i == failing) {
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
        Result valid = SoftKeys.check(key, Optional.of(foreignCa), Optional.empty()).get(STEP_IDS.indexOf("certificate-valid"));
        assertEquals(Status.FAILED, valid.status());
        assertEquals("guomi:0x000B", valid.code().orElseThrow().toString());
    }

    @Test
    void anUnreadableCaFileIsSaidAsSuch() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        Result valid = SoftKeys.check(key, Optional.of("<html>not a certificate</html>".getBytes()), Optional.empty())
                .get(STEP_IDS.indexOf("certificate-valid"));
        assertEquals(Status.FAILED, valid.status());
        assertEquals("guomi:0x0010", valid.code().orElseThrow().toString());
    }
}
