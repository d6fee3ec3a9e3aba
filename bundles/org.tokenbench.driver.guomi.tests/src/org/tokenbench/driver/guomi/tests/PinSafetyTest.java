package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.Secret;
import org.tokenbench.driver.guomi.GuomiException;
import org.tokenbench.driver.guomi.PinInfo;
import org.tokenbench.driver.guomi.PinSafety;
import org.tokenbench.driver.guomi.PinType;
import org.tokenbench.driver.guomi.SkfApplication;
import org.tokenbench.driver.guomi.SkfDevice;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** PINs: one try per request, never a locked PIN, never the last try unconfirmed; counted by the key itself. */
class PinSafetyTest {

    @TempDir
    Path dir;

    private interface WithApplication {
        void run(SkfApplication application) throws Exception;
    }

    private static void withApplication(SoftSkf key, WithApplication body) throws Exception {
        SkfLibrary library = SkfLibrary.load(key.libraryPath());
        try (SkfDevice device = library.connect(library.devices().get(0));
             SkfApplication application = device.openApplication(device.applications().get(0))) {
            body.run(application);
        }
    }

    @Test
    void aWrongPinCostsExactlyOneTryAndIsNotRetried() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        ScriptedInteraction user = new ScriptedInteraction(true);
        withApplication(key, app -> {
            try (Secret wrong = SoftKeys.pin("11112222")) {
                GuomiException e = assertThrows(GuomiException.class, () -> PinSafety.verify(app, PinType.USER, wrong, user));
                assertEquals("skf:0x0A000024", e.code().toString());
                assertTrue(e.getMessage().contains("5 of 6 tries left") && e.getMessage().contains("does not try again"), e.getMessage());
            }
        });
        assertEquals("5", key.state("user_remain"), "the key counted exactly one wrong PIN");
        assertTrue(user.questions.isEmpty(), "no confirmation is needed with tries to spare");
    }

    @Test
    void aLockedPinIsReportedWithoutTryingIt() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "0"));
        // Were SKF_VerifyPIN called, it would answer SAR_FAIL instead of the locked state read beforehand.
        key.faults("fail SKF_VerifyPIN * 0A000001");
        withApplication(key, app -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                GuomiException e = assertThrows(GuomiException.class, () -> PinSafety.verify(app, PinType.USER, right, new ScriptedInteraction(true)));
                assertEquals("skf:0x0A000025", e.code().toString());
                assertTrue(e.getMessage().contains("did not try it"), e.getMessage());
            }
        });
        assertEquals("0", key.state("user_remain"));
    }

    @Test
    void theLastTryIsSpentOnlyAfterConfirmation() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "1"));
        withApplication(key, app -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                ScriptedInteraction declines = new ScriptedInteraction(false);
                GuomiException e = assertThrows(GuomiException.class, () -> PinSafety.verify(app, PinType.USER, right, declines));
                assertEquals("guomi:0x000D", e.code().toString());
                assertEquals(1, declines.questions.size());
                assertTrue(declines.questions.get(0).contains("Only 1 try"), declines.questions.get(0));
                assertEquals("1", key.state("user_remain"), "declined: nothing tried");

                PinInfo after = PinSafety.verify(app, PinType.USER, right, new ScriptedInteraction(true));
                assertEquals(6, after.remainingRetries(), "a correct PIN resets the counter");
            }
        });
    }

    @Test
    void aWrongPinOnTheLastTryLocksAndSaysSo() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "1"));
        withApplication(key, app -> {
            try (Secret wrong = SoftKeys.pin("99990000")) {
                GuomiException e = assertThrows(GuomiException.class, () -> PinSafety.verify(app, PinType.USER, wrong, new ScriptedInteraction(true)));
                assertEquals("skf:0x0A000025", e.code().toString());
                assertTrue(e.getMessage().contains("now locked"), e.getMessage());
            }
        });
        assertEquals("0", key.state("user_remain"));
    }

    @Test
    void changePinThenTheNewOneVerifies() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        withApplication(key, app -> {
            try (Secret old = SoftKeys.pin(SoftKeys.USER_PIN); Secret fresh = SoftKeys.pin("13572468")) {
                PinSafety.change(app, PinType.USER, old, fresh, new ScriptedInteraction(true));
                assertEquals(6, PinSafety.verify(app, PinType.USER, fresh, new ScriptedInteraction(true)).remainingRetries());
            }
        });
        assertEquals("13572468", key.state("user_pin"));
    }

    @Test
    void removalDuringVerificationIsReportedAsRemoval() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        key.faults("remove SKF_VerifyPIN 1");
        withApplication(key, app -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                GuomiException e = assertThrows(GuomiException.class, () -> PinSafety.verify(app, PinType.USER, right, new ScriptedInteraction(true)));
                assertTrue(e.isRemoval(), e.toString());
            }
        });
        assertEquals("6", key.state("user_remain"), "nothing half-recorded: the counter is untouched");
    }
}
