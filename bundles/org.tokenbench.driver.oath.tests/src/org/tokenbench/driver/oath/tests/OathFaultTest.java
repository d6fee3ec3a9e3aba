package org.tokenbench.driver.oath.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.pcsc.PcscErrors;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;

/**
 * The card pulled at every APDU of PUT and of SET CODE: each time the operation fails with "card removed", and the card,
 * put back, holds exactly what it held before (the pulled APDU never reached the applet) — nothing half-done is
 * reported as done.
 */
class OathFaultTest extends OathCardTest {

    private static final ScriptedInteraction YES = new ScriptedInteraction(true);

    @Test
    void cardPulledAtEveryApduOfPut() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        put(open(YES), OathDriverTest.TOTP, false, YES);
        int apdus = 0;
        for (int k = 1; ; k++) {
            CredentialStore store = open(YES);
            host.removeAtApdu(k);
            try {
                put(store, OathDriverTest.HOTP, false, YES);
                apdus = k - 1;
                break;
            } catch (TokenException pulled) {
                assertEquals(PcscErrors.REMOVED_CARD, pulled.code().value(), pulled.toString());
                assertEquals(List.of("Example:alice@example.com"), card.names(), "pulled at APDU " + k + ": nothing half-written");
            }
            host.removeAtApdu(-1);
            closeSession();
            reader.remove();
            insert(card);
        }
        host.removeAtApdu(-1);
        assertEquals(2, apdus, "PUT is a LIST and the PUT (SELECT was at open)");
        assertEquals(List.of("Example:alice@example.com", "VPN:dave"), card.names());
    }

    @Test
    void cardPulledAtEveryApduOfSetCodeKeepsTheOldPassword() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        card.setPassword("old");
        int apdus = 0;
        for (int k = 1; ; k++) {
            CredentialStore store = open(ScriptedInteraction.typing("old"));
            host.removeAtApdu(k);
            try {
                store.setPassword(Optional.of(Secret.adopt("new".getBytes(StandardCharsets.UTF_8))));
                apdus = k - 1;
                break;
            } catch (TokenException pulled) {
                assertEquals(PcscErrors.REMOVED_CARD, pulled.code().value(), pulled.toString());
            }
            host.removeAtApdu(-1);
            closeSession();
            reader.remove();
            insert(card);
            assertEquals(0, open(ScriptedInteraction.typing("old")).list().size(), "pulled at APDU " + k + ": the old password still opens it");
        }
        host.removeAtApdu(-1);
        assertEquals(2, apdus, "VALIDATE and SET CODE");
        closeSession();
        reader.remove();
        insert(card);
        assertTrue(open(ScriptedInteraction.typing("new")).list().isEmpty(), "the new password opens it");
    }
}
