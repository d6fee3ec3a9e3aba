package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.testing.skf.SoftSkf;

/**
 * Issue 13's fault campaign for the vendor library: the soft SKF library returns each GM/T 0016 SAR code (0x0A000001
 * to 0x0A000032, the codes of diagnostics' skf.catalog) at each call of the checklist with its PIN verification, one
 * fault per run. Every run must end in a well-formed checklist (each step once, in order, nothing checked after a
 * failure) with the failing step carrying a code, or a TokenException naming the call when connecting or opening the
 * session failed (what the devices service reports), nothing else escaping, and no more PIN verifications than the
 * clean run made: a failure is never answered by sending the PIN again.
 */
class SarCampaignTest {

    private static final long FIRST_SAR = 0x0A000001L;
    private static final long LAST_SAR = 0x0A000032L;
    /** Calls whose failure cannot fail a step: the session's release after the checklist has been decided. */
    private static final Set<String> RELEASE_CALLS = Set.of("SKF_UnlockDev", "SKF_DisConnectDev", "SKF_CloseContainer",
            "SKF_CloseApplication", "SKF_ClearSecureState", "SKF_CloseHandle");

    @TempDir
    Path dir;

    @Test
    void everySarCodeAtEveryCallOfTheChecklistEndsInAWellFormedFailure() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        byte[] ca = SoftKeys.caOf(key);
        List<String> calls = traced(key, () -> assertAllPassed(SoftKeys.check(key, Optional.of(ca), Optional.of(SoftKeys.USER_PIN))));
        long cleanPinVerifications = calls.stream().filter(c -> c.startsWith("SKF_VerifyPIN ")).count();
        assertEquals(1, cleanPinVerifications, "the checklist verifies the PIN once: " + calls);

        Set<String> tolerated = new TreeSet<>();
        int runs = 0;
        int refusedBeforeChecklist = 0;
        for (String call : calls) {
            for (long sar = FIRST_SAR; sar <= LAST_SAR; sar++) {
                String fault = "fail " + call + " " + Long.toHexString(sar).toUpperCase();
                List<Result> results = new ArrayList<>();
                List<TokenException> refused = new ArrayList<>();
                List<String> made = traced(key, () -> {
                    try {
                        results.addAll(SoftKeys.check(key, Optional.of(ca), Optional.of(SoftKeys.USER_PIN)));
                    } catch (TokenException e) {
                        refused.add(e);  // connecting or opening the session failed: what the devices service reports
                    }
                }, fault);
                runs++;
                long pinVerifications = made.stream().filter(c -> c.startsWith("SKF_VerifyPIN ")).count();
                assertTrue(pinVerifications <= cleanPinVerifications, fault + ": the PIN was sent " + pinVerifications + " times");
                if (!refused.isEmpty()) {
                    refusedBeforeChecklist++;
                    assertTrue(refused.get(0).getMessage().contains(call.substring(0, call.indexOf(' '))), fault + ": " + refused.get(0));
                    continue;
                }
                assertEquals(GuomiChecklistTest.STEP_IDS, results.stream().map(r -> r.step().id()).toList(), fault);
                int failed = firstFailure(results);
                if (failed < 0) {
                    tolerated.add(call.substring(0, call.indexOf(' ')));
                } else {
                    assertTrue(results.get(failed).code().isPresent(), fault + ": " + results.get(failed));
                    for (Result later : results.subList(failed + 1, results.size())) {
                        assertEquals(Status.SKIPPED, later.status(), fault + ": nothing is checked after a failure: " + later);
                    }
                }
            }
        }
        for (String call : tolerated) {
            if (!RELEASE_CALLS.contains(call)) {
                fail("a failing " + call + " went unnoticed: every step passed");
            }
        }
        System.out.printf("SKF fault campaign: %d calls x %d SAR codes = %d checklist runs, all well-formed (%d refused with "
                + "a TokenException while connecting or opening); release calls whose failure passes unnoticed: %s%n", calls.size(),
                LAST_SAR - FIRST_SAR + 1, runs, refusedBeforeChecklist, tolerated);
    }

    private interface Flow {
        void run() throws Exception;
    }

    /** The SKF calls ("FUNC N") {@code flow} makes under the fault plan {@code rules} plus tracing. */
    private static List<String> traced(SoftSkf key, Flow flow, String... rules) throws Exception {
        Path trace = key.home().resolve("calls");
        Files.deleteIfExists(trace);
        List<String> plan = new ArrayList<>(List.of(rules));
        plan.add("trace");
        key.faults(plan.toArray(String[]::new));
        try {
            flow.run();
        } finally {
            key.clearFaults();
        }
        return Files.exists(trace) ? Files.readAllLines(trace) : List.of();
    }

    private static void assertAllPassed(List<Result> results) {
        assertTrue(results.stream().allMatch(r -> r.status() == Status.PASSED || r.status() == Status.WARNING), results.toString());
    }

    private static int firstFailure(List<Result> results) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).status() == Status.FAILED) {
                return i;
            }
        }
        return -1;
    }
}
