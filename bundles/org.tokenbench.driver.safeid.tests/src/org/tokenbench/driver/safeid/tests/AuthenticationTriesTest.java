package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.safeid.internal.SafeIdDriver;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;

/**
 * What a token says about its authentication tries survives the run that heard it: a second driver instance over the
 * same home (as a second CLI run would be) does not spend the last try without a yes and never tries a locked token.
 */
class AuthenticationTriesTest extends VirtualTokenTest {

    private static final String ID = "org.tokenbench.driver.safeid";
    private static final String WRONG_KEY_HEX = "00112233445566778899AABBCCDDEEFF";

    private static SafeIdVirtualToken token(String serial, SafeIdVirtualToken.TriesAnswer answer) {
        return new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, serial, 0, () -> System.currentTimeMillis() / 1000, 1,
                SafeIdVirtualToken.NFC_ATR, answer);
    }

    private static void useWrongKey(TokenSession session) {
        try (Secret wrong = Secret.adopt(HexFormat.of().parseHex(WRONG_KEY_HEX))) {
            session.feature(AccessKey.class).orElseThrow().use(wrong);
        }
    }

    private Path triesFile() {
        return home.resolve("authentication-tries.properties");
    }

    @Test
    void aWrongKeySpendsOneTryAndTheCountIsKeptOnDiskPrivatelyWithoutTheKey() throws Exception {
        SafeIdVirtualToken token = token("TB-TRIES-01", SafeIdVirtualToken.TriesAnswer.TOKEN2);
        ScriptedInteraction user = new ScriptedInteraction(false);
        try (TokenSession session = insertAndOpen(token, "single-profile", user); OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            useWrongKey(session);
            TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals("safeid:0x6309", e.code().toString(), "Token2's documented 63 0N: " + e.getMessage());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES - 1, token.triesLeft(), "exactly one try spent, no retry");
            assertFalse(token.hasSeed());
        }
        assertEquals(OptionalInt.of(9), new AuthenticationTries(home).triesLeft(ID, "TB-TRIES-01"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(triesFile())));
        String content = Files.readString(triesFile(), StandardCharsets.UTF_8);
        assertFalse(content.toUpperCase().contains(WRONG_KEY_HEX), "no key bytes on disk");
        assertFalse(content.toUpperCase().contains(HexFormat.of().formatHex(SafeIdVirtualToken.VENDOR_KEY).toUpperCase()));
    }

    @Test
    void theLastTryIsNotSpentWithoutAYesInTheNextRunAndAYesSpendsIt() throws Exception {
        SafeIdVirtualToken token = token("TB-TRIES-02", SafeIdVirtualToken.TriesAnswer.TOKEN2);
        token.setTriesLeft(2);
        try (TokenSession session = insertAndOpen(token, "single-profile", new ScriptedInteraction(false));
             OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            useWrongKey(session);
            assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals(1, token.triesLeft());
        }

        driver = new SafeIdDriver(new AuthenticationTries(home)); // a second CLI run
        ScriptedInteraction declines = new ScriptedInteraction(false);
        try (TokenSession session = driver.open(channel, declines); OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            int before = host.apdusSeen();
            TokenException refused = assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals("tokenbench:0x0020", refused.code().toString(), refused.getMessage());
            assertEquals(1, declines.questions.size(), declines.questions.toString());
            assertEquals(before, host.apdusSeen(), "no authentication APDU was sent");
            assertEquals(1, token.triesLeft());
        }

        driver = new SafeIdDriver(new AuthenticationTries(home)); // a third run, answering yes
        ScriptedInteraction agrees = new ScriptedInteraction(true);
        try (TokenSession session = driver.open(channel, agrees); OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            burn(session, account, 30, 0);
            assertTrue(token.hasSeed(), "the right key, once confirmed, programs the token");
            assertEquals(1, agrees.questions.size());
        }
        assertEquals(OptionalInt.empty(), new AuthenticationTries(home).triesLeft(ID, "TB-TRIES-02"), "success clears the record");
    }

    @Test
    void aLockedTokenIsNeverTried() throws Exception {
        SafeIdVirtualToken token = token("TB-TRIES-03", SafeIdVirtualToken.TriesAnswer.TOKEN2);
        tries.refused(ID, "TB-TRIES-03", 0);
        ScriptedInteraction user = new ScriptedInteraction(true);
        try (TokenSession session = insertAndOpen(token, "single-profile", user); OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            int before = host.apdusSeen();
            TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals("safeid:0x6983", e.code().toString(), e.getMessage());
            assertEquals(before, host.apdusSeen(), "nothing was sent");
            assertTrue(user.questions.isEmpty(), "a locked token is not even offered");
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft());
        }
    }

    @Test
    void theIsoCounterFormIsUnderstoodToo() throws Exception {
        SafeIdVirtualToken token = token("TB-TRIES-04", SafeIdVirtualToken.TriesAnswer.ISO);
        try (TokenSession session = insertAndOpen(token, "single-profile", new ScriptedInteraction(false));
             OtpAccount account = OtpAuthUri.parse(SafeIdProgrammingTest.URI)) {
            useWrongKey(session);
            TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals("safeid:0x63C9", e.code().toString(), e.getMessage());
            assertTrue(e.getMessage().contains("9 tries left"), e.getMessage());
        }
        assertEquals(OptionalInt.of(9), new AuthenticationTries(home).triesLeft(ID, "TB-TRIES-04"));
    }
}
