package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AuthenticationTries;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.safeid.internal.SafeIdDriver;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * Tests that put a virtual token on vpcd's first reader (real pcscd) and drive it with the real driver. The test owns
 * the channel, as the devices service does; authentication tries go to a private home per test.
 */
abstract class VirtualTokenTest {

    protected VirtualReader reader = new VirtualReader();
    @TempDir
    protected Path home;
    protected AuthenticationTries tries;
    protected SafeIdDriver driver;
    protected ApduChannel channel;
    protected VpcdCardHost host;

    @BeforeEach
    void aDriverWithItsOwnHome() {
        tries = new AuthenticationTries(home);
        driver = new SafeIdDriver(tries);
    }

    @AfterEach
    void takeTheTokenOut() throws Exception {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        reader.remove();
    }

    /** Inserts the token, connects, checks the probe's family and opens a session with {@code driver}. */
    protected TokenSession insertAndOpen(SafeIdVirtualToken token, String family, Interaction user) throws Exception {
        reader = VirtualReader.forToken(token);
        host = reader.insert(token);
        channel = new PcscTransport().connect(reader.name(), java.time.Duration.ZERO, null);
        assertEquals(family, driver.probe(channel).orElseThrow().family());
        return driver.open(channel, user);
    }

    /** The burn alone, through the driver's SeedProgramming feature, at the PC's clock. */
    protected static void burn(TokenSession session, OtpAccount account, int displaySeconds, int profile) throws TokenException {
        session.feature(SeedProgramming.class).orElseThrow().program(account.secret(), settings(account, displaySeconds, profile),
                Instant.now(), ProgressMonitor.NONE);
    }

    protected static SeedProgramming.Settings settings(OtpAccount account, int displaySeconds, int profile) {
        return new SeedProgramming.Settings(HashAlgorithm.parse(account.params().algorithm().name()).orElseThrow(), account.params().digits(),
                account.params().periodSeconds(), displaySeconds, profile);
    }

    /** The code a phone app with the same key shows now: a seed is write-only, so this is how a burn is checked. */
    protected static String expectedCode(String uri, long epochSeconds) throws Exception {
        try (OtpAccount account = OtpAuthUri.parse(uri); OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            return generator.codeAt(epochSeconds);
        }
    }
}
