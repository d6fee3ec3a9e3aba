package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.ui.internal.model.Messages;
import org.tokenbench.ui.internal.model.ProgramTokenModel;
import org.tokenbench.ui.internal.model.ProgramTokenModel.Target;

/** The Program Token rules without widgets: no display, no device; a real otpauth parser and family descriptor. */
class ProgramTokenModelTest {

    /** RFC 6238's SHA-1 test key ("12345678901234567890") in Base32. */
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static Target token(List<Integer> digits, List<Integer> displaySeconds) {
        FamilyDescriptor family = new FamilyDescriptor("bench", "Bench token", true, List.of(), List.of(), Set.of(HashAlgorithm.SHA1),
                digits, List.of(30), displaySeconds, 1, Set.of());
        return new Target("bench:A", "Bench reader", "BENCH-1", ProgrammingChoices.of(family), true);
    }

    @Test
    void burnNeedsAKeyAndAConnectedTokenThatCanHoldIt() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            assertFalse(model.canBurn(), "nothing yet");
            assertTrue(model.setKeyText("otpauth://totp/Example:alice?secret=" + RFC_KEY + "&issuer=Example").isEmpty());
            assertEquals(new ProgramTokenModel.KeySummary("Example", "alice",
                    NLS.bind(Messages.program_keySettings, new Object[] {"TOTP", "SHA1", 6, 30})), model.keySummary().orElseThrow());
            assertFalse(model.canBurn(), "no token connected");
            assertEquals("", model.settingsCheck());

            model.setTarget(token(List.of(6), List.of(15, 30, 60)));
            assertTrue(model.canBurn(), model.settingsCheck());
            assertEquals(NLS.bind(Messages.program_keyFits, "Bench token"), model.settingsCheck());
            assertEquals(30, model.displaySeconds(), "the family's default display time");
        }
    }

    @Test
    void aTokenOnItsPublishedKeyIsFlaggedUntilAKeyFileIsChosen() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            assertFalse(model.usesPublishedKey(), "no token connected yet");
            model.setTarget(token(List.of(6), List.of(30)));
            assertTrue(model.usesPublishedKey(), "a token that takes an access key, and no key file");
            model.setKeyFile(java.nio.file.Path.of("transport.key"));
            assertFalse(model.usesPublishedKey());
            assertEquals(java.nio.file.Path.of("transport.key"), model.keyFile().orElseThrow());
            model.setKeyFile(null);
            assertTrue(model.usesPublishedKey(), "cleared: back to the published key");
            model.setTarget(new Target("bench:B", "Bench reader", "BENCH-2", token(List.of(6), List.of(30)).choices(), false));
            assertFalse(model.usesPublishedKey(), "a token without an access key has no published one either");
        }
    }

    @Test
    void aKeyTheFamilyCannotHoldIsRefusedWithTheReason() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            model.setKeyText("otpauth://totp/x?secret=" + RFC_KEY + "&digits=8");
            model.setTarget(token(List.of(6), List.of(30)));
            assertFalse(model.canBurn());
            assertEquals(NLS.bind(Messages.program_cannotBurn, "Bench token shows 6-digit codes, not 8"), model.settingsCheck());
        }
    }

    @Test
    void badKeyTextLeavesNoKeyAndSaysWhyWithoutTheText() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            model.setKeyText(RFC_KEY);
            assertTrue(model.key().isPresent());
            var failure = model.setKeyText("otpauth://totp/x?secret=NOT-BASE32!");
            assertTrue(failure.isPresent());
            assertFalse(failure.get().getMessage().contains("NOT-BASE32"), failure.get().getMessage());
            assertTrue(model.key().isEmpty(), "the previous key was dropped");
            assertTrue(model.keySummary().isEmpty());
        }
    }

    @Test
    void whileABurnRunsNeitherBurnNorConnectIsOffered() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            model.setKeyText(RFC_KEY);
            model.setTarget(token(List.of(6), List.of(30)));
            try (OtpAccount burning = model.startBurn()) {
                assertFalse(model.canBurn());
                assertFalse(model.canConnect());
                assertThrows(IllegalStateException.class, model::startBurn);
                // the burn's own copy survives the user clearing the key field meanwhile
                model.setKeyText("");
                assertEquals(20, burning.secret().apply(bytes -> bytes.length));
            }
            model.burnEnded();
            assertTrue(model.canConnect());
            assertFalse(model.canBurn(), "the key field was cleared");
        }
    }

    @Test
    void aDisplayTimeMustBeOneTheTokenOffers() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            assertEquals(List.of(), model.displayChoices());
            model.setTarget(token(List.of(6), List.of(15, 60)));
            assertEquals(15, model.displaySeconds(), "30 s is not offered: the family's first");
            model.chooseDisplaySeconds(60);
            assertEquals(60, model.displaySeconds());
            assertThrows(IllegalArgumentException.class, () -> model.chooseDisplaySeconds(45));
            model.setTarget(token(List.of(6), List.of(15, 30)));
            assertEquals(30, model.displaySeconds(), "60 s is gone with the new token");
        }
    }

    /** The key field is read as chars and parsed in place: a bare Base32 key with blanks around it, and the buffer wiped after. */
    @Test
    void aKeyIsParsedFromTheFieldsCharsWithoutAString() {
        try (ProgramTokenModel model = new ProgramTokenModel()) {
            char[] typed = ("  " + RFC_KEY + "\t ").toCharArray();
            assertTrue(model.setKeyText(java.nio.CharBuffer.wrap(typed)).isEmpty());
            java.util.Arrays.fill(typed, '\0');
            OtpAccount key = model.key().orElseThrow();
            assertEquals("12345678901234567890", key.secret().apply(bytes -> new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)),
                    "the key survives the field's buffer being wiped");
            assertEquals(new ProgramTokenModel.KeySummary(Messages.program_none, Messages.program_none,
                    NLS.bind(Messages.program_keySettings, new Object[] {"TOTP", "SHA1", 6, 30})), model.keySummary().orElseThrow());
            assertTrue(model.setKeyText(java.nio.CharBuffer.wrap("OTPAUTH://totp/Example:bob?secret=" + RFC_KEY)).isEmpty(),
                    "the scheme in any case");
            assertEquals("bob", model.keySummary().orElseThrow().account());
        }
    }
}
