package org.tokenbench.driver.oath.tests;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.oath.internal.OathDriver;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpType;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * Tests that put a virtual YKOATH card on vpcd's first reader (real pcscd) and drive it with the real driver. The test
 * owns the channel, as the devices service does.
 */
abstract class OathCardTest {

    protected final VirtualReader reader = new VirtualReader();
    protected final OathDriver driver = new OathDriver();
    protected ApduChannel channel;
    protected VpcdCardHost host;
    protected TokenSession session;

    @AfterEach
    void takeTheCardOut() throws Exception {
        closeSession();
        reader.remove();
    }

    protected void insert(VirtualCard card) throws Exception {
        host = reader.insert(card);
    }

    /** Connects (waiting out the devices service's own probe of the new card) and opens a session. */
    protected CredentialStore open(Interaction user) throws Exception {
        closeSession();
        channel = new PcscTransport().connect(reader.name(), Duration.ofSeconds(10), null);
        session = driver.open(channel, user);
        return session.feature(CredentialStore.class).orElseThrow();
    }

    protected void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** What a user adding the URI means: {@code issuer:account}, type, algorithm, digits, period. */
    static CredentialStore.Credential credential(OtpAccount account, boolean touch) {
        String name = account.params().issuer().isEmpty() ? account.params().account()
                : account.params().issuer() + ":" + account.params().account();
        return new CredentialStore.Credential(name,
                account.params().type() == OtpType.HOTP ? CredentialStore.Type.HOTP : CredentialStore.Type.TOTP,
                HashAlgorithm.parse(account.params().algorithm().name()).orElseThrow(), account.params().digits(),
                account.params().periodSeconds(), touch);
    }

    /** The code a phone app with the same key shows at {@code epochSeconds} (TOTP) or for the URI's counter (HOTP). */
    static String expected(String uri, long epochSeconds) throws Exception {
        try (OtpAccount account = OtpAuthUri.parse(uri); OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            return account.params().type() == OtpType.HOTP ? generator.codeFor(account.params().counter()) : generator.codeAt(epochSeconds);
        }
    }

    static void put(CredentialStore store, String uri, boolean touch, Interaction user) throws Exception {
        try (OtpAccount account = OtpAuthUri.parse(uri)) {
            store.put(credential(account, touch), account.secret(), account.params().counter(), user);
        }
    }
}
