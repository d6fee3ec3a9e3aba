package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.testing.KeptAuditLog;
import org.tokenbench.testing.ScriptedInteraction;

/**
 * The platform's PIN rules, the same for every driver. The key here is a counter in Java that behaves as a key's does
 * (a wrong PIN costs a try, 0 tries is locked); the Guomi tests run the same rules against the soft SKF library.
 */
class PinGuardTest {

    private static final ErrorCode WRONG = ErrorCode.of("test", 0x24);
    private static final ErrorCode LOCKED = ErrorCode.of("test", 0x25);

    /** A key with a PIN and a retry counter; it counts the verifications it was asked for. */
    static final class CountingKey implements PinVerifier {
        final List<String> attempts = new ArrayList<>();
        private final byte[] pin = "24681357".getBytes(StandardCharsets.US_ASCII);
        private int left;

        CountingKey(int left) {
            this.left = left;
        }

        @Override
        public Set<PinType> pinTypes() {
            return Set.of(PinType.USER);
        }

        @Override
        public PinStatus status(PinType type) {
            return new PinStatus(type, 6, left, false);
        }

        @Override
        public Attempt verifyOnce(PinType type, Secret candidate) {
            attempts.add("verify");
            if (left > 0 && candidate.apply(bytes -> java.util.Arrays.equals(bytes, pin))) {
                left = 6;
                return new Attempt(true, status(type), null);
            }
            left = Math.max(0, left - 1);
            return new Attempt(false, status(type), new TokenException(WRONG, "wrong user PIN"));
        }

        @Override
        public ErrorCode lockedCode(PinType type) {
            return LOCKED;
        }

        @Override
        public void logout() {
            attempts.add("logout");
        }
    }

    private static Secret pin(String text) {
        return Secret.adopt(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aWrongPinIsTriedOnceAndTheTriesLeftAreSaid() {
        CountingKey key = new CountingKey(6);
        TokenException refused = assertThrows(TokenException.class,
                () -> PinGuard.of(key).verify(PinType.USER, pin("00000000"), new ScriptedInteraction(true)));
        assertEquals(WRONG, refused.code());
        assertTrue(refused.getMessage().contains("5 of 6 tries left") && refused.getMessage().contains("does not try again"), refused.getMessage());
        assertEquals(List.of("verify"), key.attempts, "exactly one verification");
    }

    @Test
    void whatCannotBeAPinIsNeverSent() {
        CountingKey key = new CountingKey(6);
        for (String notAPin : new String[] {"", "otpauth://totp/x?secret=" + "A".repeat(80), "2468\u00011357"}) {
            TokenException refused = assertThrows(TokenException.class,
                    () -> PinGuard.of(key).verify(PinType.USER, pin(notAPin), new ScriptedInteraction(true)));
            assertEquals(PinGuard.NOT_A_PIN, refused.code());
            assertFalse(!notAPin.isEmpty() && refused.getMessage().contains(notAPin), "the message never repeats it");
        }
        assertEquals(List.of(), key.attempts, "nothing reached the key");
    }

    @Test
    void aLockedPinIsNeverTried() {
        CountingKey key = new CountingKey(0);
        TokenException refused = assertThrows(TokenException.class,
                () -> PinGuard.of(key).verify(PinType.USER, pin("24681357"), new ScriptedInteraction(true)));
        assertEquals(LOCKED, refused.code());
        assertEquals(List.of(), key.attempts);
    }

    @Test
    void theLastTryIsSpentOnlyAfterAYes() throws TokenException {
        CountingKey key = new CountingKey(1);
        ScriptedInteraction no = new ScriptedInteraction(false);
        TokenException refused = assertThrows(TokenException.class, () -> PinGuard.of(key).verify(PinType.USER, pin("24681357"), no));
        assertEquals(PinGuard.LAST_TRY_NOT_CONFIRMED, refused.code());
        assertEquals(List.of(), key.attempts);
        assertEquals(1, no.questions.size(), "the user was asked once");

        PinStatus after = PinGuard.of(key).verify(PinType.USER, pin("24681357"), new ScriptedInteraction(true));
        assertEquals(6, after.triesLeft());
        assertEquals(List.of("verify"), key.attempts);
    }

    @Test
    void everyVerificationIsRecordedWithItsOutcomeAndNeverThePin() throws TokenException {
        CountingKey key = new CountingKey(2);
        KeptAuditLog log = new KeptAuditLog();
        PinGuard guard = PinGuard.recorded(key, log, new DeviceIdentity("test", "test-key", "K0001"));

        assertThrows(TokenException.class, () -> guard.verify(PinType.USER, pin("00000000"), new ScriptedInteraction(true)));
        assertThrows(TokenException.class, () -> guard.verify(PinType.USER, pin("24681357"), new ScriptedInteraction(false)));
        guard.verify(PinType.USER, pin("24681357"), new ScriptedInteraction(true));

        assertEquals(List.of(AuditEvent.Outcome.FAILED, AuditEvent.Outcome.REFUSED, AuditEvent.Outcome.SUCCEEDED),
                log.events().stream().map(AuditEvent::outcome).toList());
        assertEquals(List.of(Optional.of(WRONG), Optional.of(PinGuard.LAST_TRY_NOT_CONFIRMED), Optional.empty()),
                log.events().stream().map(AuditEvent::code).toList());
        assertTrue(log.events().stream().allMatch(e -> e.action().equals(AuditEvent.PIN_VERIFY) && e.family().equals("test-key")
                && e.serial().equals("K0001")));
        assertTrue(log.events().stream().noneMatch(e -> e.detail().contains("24681357") || e.detail().contains("00000000")), "no PIN in the log");
    }
}
