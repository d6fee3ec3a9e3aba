package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.CredentialStore.Code;
import org.tokenbench.core.driver.CredentialStore.Credential;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.ui.internal.model.CredentialsModel;
import org.tokenbench.ui.internal.model.Messages;

/** The OATH Credentials view's rules without a widget: rows, expiry, texts in the workbench's language, URI to credential. */
class CredentialsModelTest {

    private static final Instant STEP = Instant.ofEpochSecond(1_700_000_010L);
    private static final Credential TOTP = new Credential("Example:alice", CredentialStore.Type.TOTP, HashAlgorithm.SHA1, 6, 30, false);
    private static final Credential TOUCH = new Credential("Bank:carol", CredentialStore.Type.TOTP, HashAlgorithm.SHA256, 8, 30, true);
    private static final Credential HOTP = new Credential("Counter", CredentialStore.Type.HOTP, HashAlgorithm.SHA1, 6, 30, false);

    @Test
    void aComputedCodeReplacesItsRowAndAnEndedStepIsExpired() {
        CredentialsModel model = new CredentialsModel();
        model.show(List.of(code(TOTP, "123456"), waiting(TOUCH, "touch the key")));
        assertFalse(model.anyExpired(STEP.plusSeconds(29)));
        assertTrue(model.anyExpired(STEP.plusSeconds(31)));
        model.computed(code(TOUCH, "87654321"));
        assertEquals(List.of("123456", "87654321"), model.codes().stream().map(CredentialsModel::codeText).toList());
        assertEquals(NLS.bind(Messages.credentials_seconds, 20), CredentialsModel.validFor(model.codes().get(0), STEP.plusSeconds(10)));
        assertEquals(Messages.credentials_expired, CredentialsModel.validFor(model.codes().get(0), STEP.plusSeconds(30)));
    }

    @Test
    void failedReadsBackOffTheAutomaticReadsUpToAMinuteAndASuccessEndsIt() {
        CredentialsModel model = new CredentialsModel();
        model.show(List.of(code(TOTP, "123456")));
        assertFalse(model.automaticReadDue(STEP.plusSeconds(29)), "the code is still valid");
        Instant failed = STEP.plusSeconds(31);
        assertTrue(model.automaticReadDue(failed), "the code expired: read the device");
        model.readFailed(failed);
        assertFalse(model.automaticReadDue(failed.plusSeconds(2)));
        assertTrue(model.automaticReadDue(failed.plusSeconds(3)), "2 s after the first failure");
        Instant again = failed.plusSeconds(3);
        model.readFailed(again);
        assertFalse(model.automaticReadDue(again.plusSeconds(4)));
        assertTrue(model.automaticReadDue(again.plusSeconds(5)), "4 s after the second");
        Instant last = again;
        for (int i = 0; i < 10; i++) {
            last = last.plusSeconds(120);
            model.readFailed(last);
        }
        assertFalse(model.automaticReadDue(last.plus(CredentialsModel.MAX_READ_BACKOFF)));
        assertTrue(model.automaticReadDue(last.plus(CredentialsModel.MAX_READ_BACKOFF).plusSeconds(1)), "never longer than a minute");
        model.readSucceeded();
        assertTrue(model.automaticReadDue(last.plusSeconds(1)), "a read that worked ends the back-off");
        model.show(List.of(code(TOTP, "654321")));
        assertFalse(model.automaticReadDue(STEP.plusSeconds(29)), "nothing expired, nothing to read");
    }

    @Test
    void aMissingCodeSaysWhyInTheWorkbenchsLanguage() {
        assertEquals(Messages.credentials_touch, CredentialsModel.codeText(waiting(TOUCH, "touch the key")));
        Code hotp = new Code(HOTP, Optional.empty(), Optional.of("HOTP: computed on request"), STEP, Instant.MAX);
        assertEquals(Messages.credentials_computeOnRequest, CredentialsModel.codeText(hotp));
        assertEquals("", CredentialsModel.validFor(hotp, STEP), "HOTP codes have no countdown");
        String separator = Messages.credentials_separator;
        assertEquals(String.join(separator, "TOTP", "SHA256", NLS.bind(Messages.credentials_digits, 8), NLS.bind(Messages.credentials_seconds, 30),
                Messages.credentials_touchKind), CredentialsModel.kind(TOUCH));
        assertEquals(String.join(separator, "HOTP", "SHA1", NLS.bind(Messages.credentials_digits, 6)), CredentialsModel.kind(HOTP));
    }

    @Test
    void aUriBecomesTheCredentialPhoneAppsName() throws Exception {
        try (OtpAccount account = OtpAuthUri.parse("otpauth://hotp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example"
                + "&algorithm=SHA256&digits=8&counter=5")) {
            assertEquals(new Credential("Example:alice@example.com", CredentialStore.Type.HOTP, HashAlgorithm.SHA256, 8, 30, true),
                    CredentialsModel.credentialOf(account.params(), true));
        }
        try (OtpAccount account = OtpAuthUri.parse("otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP")) {
            assertEquals("bob", CredentialsModel.credentialOf(account.params(), false).name());
        }
    }

    private static Code code(Credential credential, String code) {
        return new Code(credential, Optional.of(code), Optional.empty(), STEP, STEP.plusSeconds(30));
    }

    private static Code waiting(Credential credential, String why) {
        return new Code(credential, Optional.empty(), Optional.of(why), STEP, STEP.plusSeconds(30));
    }
}
