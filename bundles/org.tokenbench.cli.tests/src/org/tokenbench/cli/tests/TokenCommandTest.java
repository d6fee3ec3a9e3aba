package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/** `tokenbench readers` and `tokenbench token …` against a virtual token behind real pcscd. */
class TokenCommandTest {

    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void takeTheTokenOut() throws Exception {
        reader.remove();
    }

    @Test
    void readersListsTheVirtualReader() {
        CliRun run = CliRun.of("readers");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(VirtualReader.NAME::equals), run.out());
    }

    @Test
    void infoPrintsTheSerialAndTheClockSkew() throws Exception {
        reader.insert(new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, "TB-CLI-INFO", 42, () -> System.currentTimeMillis() / 1000));
        CliRun run = CliRun.of("token", "info", "--reader", VirtualReader.NAME, "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"serial\": \"TB-CLI-INFO\""), run.out());
        assertTrue(run.out().contains("\"driver\": \"org.tokenbench.driver.safeid\""), run.out());
        assertTrue(run.out().matches("(?s).*\"skewSeconds\": 4[1-3].*"), run.out());
    }

    @Test
    void programFromAUriFileConfirmsWithTheCodeTheTokenShows(@TempDir Path dir) throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-CLI-PROG");
        reader.insert(token);
        Path uri = dir.resolve("ops.uri");
        Files.writeString(uri, "otpauth://totp/ACME:ops?secret=" + SECRET + "&issuer=ACME");
        CliRun run = CliRun.withInput(TypedInput.once(token::displayedCode),
                "token", "program", "--reader", VirtualReader.NAME, "--uri-file", uri.toString(), "--trace");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("TB-CLI-PROG", run.out().strip());
        assertTrue(token.hasSeed());
        assertTrue(run.err().contains("apdu > 84C50100 24 [36 secret bytes]"), run.err());
        assertTrue(run.err().contains("apdu > 80CE0000 10 [16 secret bytes]"), run.err());
        assertFalse(run.err().contains(SECRET.substring(0, 8)), "the seed must not reach the terminal");
    }

    @Test
    void aWrongCodeFromTheUserIsReportedThroughTheCatalog(@TempDir Path dir) throws Exception {
        reader.insert(SafeIdVirtualToken.factoryNew("TB-CLI-BAD"));
        Path key = dir.resolve("key.txt");
        Files.writeString(key, SECRET);
        CliRun run = CliRun.withStdin("000000\n", "token", "program", "--reader", VirtualReader.NAME, "--secret-file", key.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("The token shows a different code [tokenbench:0x0007]"), run.err());
    }

    @Test
    void syncClockSetsAMolto2ClockAndExplainsWhyASingleProfileTokenCannot() throws Exception {
        SafeIdVirtualToken molto2 = SafeIdVirtualToken.molto2("TB-CLI-M2");
        molto2.drift(-300);
        // A Molto2 is known by its own USB reader's name, which vpcd's reader does not have: the user lists its ATR.
        Path known = TokenBenchHome.directory().resolve("known-devices.properties");
        Files.createDirectories(known.getParent());
        Files.writeString(known, "org.tokenbench.driver.safeid/molto2.atr = " + new Atr(SafeIdVirtualToken.USB_ATR) + "\n");
        VirtualReader molto2Reader = new VirtualReader(1);
        molto2Reader.insert(molto2);
        try {
            CliRun synced = CliRun.of("token", "sync-clock", "--reader", molto2Reader.name());
            assertEquals(0, synced.exitCode(), synced.err());
            assertEquals("TB-CLI-M2", synced.out().strip());
            assertTrue(synced.err().contains("was -300 s off") || synced.err().contains("was -299 s off")
                    || synced.err().contains("was -301 s off"), synced.err());
            assertEquals(System.currentTimeMillis() / 1000, molto2.tokenTime(), 2.0);
        } finally {
            molto2Reader.remove();
            Files.delete(known);
        }

        reader.insert(SafeIdVirtualToken.factoryNew("TB-CLI-SP"));
        CliRun refused = CliRun.of("token", "sync-clock", "--reader", VirtualReader.NAME);
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("This token cannot set its clock alone [tokenbench:0x000A]"), refused.err());
    }

    @Test
    void programOffersExactlyTheClaimedFamilysChoicesBeforeTouchingTheToken(@TempDir Path dir) throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-CLI-CHOICE");
        reader.insert(token);
        Path key = Files.writeString(dir.resolve("key.txt"), SECRET);
        CliRun display = CliRun.of("token", "program", "--reader", VirtualReader.NAME, "--secret-file", key.toString(), "--display", "45");
        assertEquals(2, display.exitCode(), display.err());
        assertTrue(display.err().contains("stays on for 15, 30, 60 or 120 seconds, not 45"), display.err());
        CliRun profile = CliRun.of("token", "program", "--reader", VirtualReader.NAME, "--secret-file", key.toString(), "--profile", "3");
        assertEquals(2, profile.exitCode(), profile.err());
        assertTrue(profile.err().contains("has a single profile (0), not profile 3"), profile.err());
        CliRun algorithm = CliRun.of("token", "program", "--reader", VirtualReader.NAME, "--secret-file", key.toString(), "--algorithm", "SHA512");
        assertEquals(2, algorithm.exitCode(), algorithm.err());
        assertTrue(algorithm.err().contains("computes SHA1 or SHA256 codes, not SHA512"), algorithm.err());
        CliRun period = CliRun.of("token", "program", "--reader", VirtualReader.NAME, "--secret-file", key.toString(), "--period", "45");
        assertEquals(2, period.exitCode(), period.err());
        assertTrue(period.err().contains("every 30 or 60 seconds, not every 45"), period.err());

        Path uri = Files.writeString(dir.resolve("sha512.uri"), "otpauth://totp/ACME:ops?secret=" + SECRET + "&algorithm=SHA512");
        CliRun fromFile = CliRun.of("token", "program", "--reader", VirtualReader.NAME, "--uri-file", uri.toString());
        assertEquals(3, fromFile.exitCode(), "a URI the token cannot hold is a failed operation, not a usage error: " + fromFile.err());
        assertTrue(fromFile.err().contains("[tokenbench:0x0005]"), fromFile.err());
        assertFalse(token.hasSeed(), "nothing was written");
    }

    @Test
    void noCardIsExplained() {
        CliRun run = CliRun.of("token", "info", "--reader", VirtualReader.NAME);
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("No card in the reader (SCARD_E_NO_SMARTCARD) [pcsc:0x8010000C]"), run.err());
        assertTrue(run.err().contains("What to do: Place the token flat on the reader"), run.err());
    }
}
