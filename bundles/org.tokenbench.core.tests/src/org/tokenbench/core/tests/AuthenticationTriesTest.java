package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.testing.ScriptedInteraction;

/** What a token said about its tries outlives the process that heard it: a second run must not spend the last try unasked. */
class AuthenticationTriesTest {

    private static final ErrorCode LOCKED = ErrorCode.of("test", 0x6983);

    @Test
    void refusalsArePrivateToTheUserAndSurviveANewInstance(@TempDir Path home) throws Exception {
        new AuthenticationTries(home).refused("driver.x", "TB-0001", 1);
        Path file = home.resolve("authentication-tries.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AuthenticationTries nextRun = new AuthenticationTries(home);
        assertEquals(OptionalInt.of(1), nextRun.triesLeft("driver.x", "TB-0001"));
        assertEquals(OptionalInt.empty(), nextRun.triesLeft("driver.x", "TB-0002"));
        ScriptedInteraction no = new ScriptedInteraction(false);
        TokenException refused = assertThrows(TokenException.class,
                () -> nextRun.beforeAttempt("driver.x", "TB-0001", "the key of token TB-0001", LOCKED, no));
        assertEquals(PinGuard.LAST_TRY_NOT_CONFIRMED, refused.code());
        nextRun.beforeAttempt("driver.x", "TB-0001", "the key of token TB-0001", LOCKED, new ScriptedInteraction(true));

        nextRun.refused("driver.x", "TB-0001", 0);
        TokenException locked = assertThrows(TokenException.class,
                () -> new AuthenticationTries(home).beforeAttempt("driver.x", "TB-0001", "the key", LOCKED, new ScriptedInteraction(true)));
        assertEquals(LOCKED, locked.code());

        nextRun.succeeded("driver.x", "TB-0001");
        assertEquals(OptionalInt.empty(), new AuthenticationTries(home).triesLeft("driver.x", "TB-0001"));
        assertTrue(Files.readString(file).indexOf("TB-0001") < 0, "a success clears the record");
    }

    @Test
    void anUnknownCountGoesAhead(@TempDir Path home) throws TokenException {
        new AuthenticationTries(home).beforeAttempt("driver.x", "TB-9", "the key", LOCKED, new ScriptedInteraction(false));
    }
}
