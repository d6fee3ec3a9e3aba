package org.tokenbench.programming.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * The whole job against a virtual SafeID token behind real pcscd + vsmartcard-vpcd, with the SafeID driver as it is
 * registered in OSGi: clock check, burn, confirmation by the code the token shows.
 */
class TokenProgrammerTest {

    private static final String URI = "otpauth://totp/ACME:ops@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=ACME&algorithm=SHA256&period=60";
    private static final String SAFEID = "org.tokenbench.driver.safeid";

    private final VirtualReader reader = new VirtualReader();
    private final TokenProgrammer programmer = new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew());
    private DriverRegistry.RegisteredDriver safeid;
    private ApduChannel channel;
    private VpcdCardHost host;
    private ProgrammingChoices choices;

    private static SafeIdVirtualToken token(String serial, long clockOffsetSeconds) {
        return new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, serial, clockOffsetSeconds, () -> System.currentTimeMillis() / 1000);
    }

    /** Inserts, connects, lets the registered driver probe and open, and takes the claimed family's choices. */
    private TokenSession open(SafeIdVirtualToken token, ScriptedInteraction user) throws Exception {
        safeid = OsgiServices.await(DriverRegistry.class).driver(SAFEID).orElseThrow(() -> new AssertionError("no SafeID driver registered"));
        TokenDriver driver = safeid.driver();
        host = reader.insert(token);
        channel = new PcscTransport().connect(reader.name(), java.time.Duration.ZERO, null);
        String family = driver.probe(channel).orElseThrow().family();
        choices = ProgrammingChoices.of(safeid.descriptor().family(family).orElseThrow());
        return driver.open(channel, user);
    }

    @AfterEach
    void takeTheTokenOut() throws Exception {
        if (channel != null) {
            channel.close();
        }
        reader.remove();
    }

    @Test
    void programsAndConfirmsTheCodeTheTokenShows() throws Exception {
        SafeIdVirtualToken token = token("TB-PROG-01", -90);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenProgrammer.Result result = programmer.program(session, choices, account, choices.defaultDisplaySeconds(), 0, false, user,
                    ProgressMonitor.NONE);
            assertEquals(0, result.confirmedOffset());
            assertEquals(-90, result.skewBefore().toSeconds(), 3);
            assertEquals("TB-PROG-01", result.token().serial());
            assertTrue(token.hasSeed());
            assertEquals(2, token.hmacAlgorithm());
            assertEquals(System.currentTimeMillis() / 1000, token.tokenTime(), 3.0, "token clock set to the PC's");
            assertTrue(user.told.stream().anyMatch(m -> m.contains("behind the PC")), user.told.toString());
        }
    }

    @Test
    void aLargeClockDifferenceStopsProgrammingUnlessForced() throws Exception {
        SafeIdVirtualToken token = token("TB-PROG-02", 900);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, account, 30, 0, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0003", e.code().toString());
            assertTrue(e.getMessage().contains("900 s ahead of the PC"), e.getMessage());
            assertFalse(token.hasSeed());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "refused before authenticating");

            programmer.program(session, choices, account, 30, 0, true, user, ProgressMonitor.NONE);
            assertTrue(token.hasSeed());
        }
    }

    @Test
    void settingsOutsideTheFamilysChoicesAreRefusedBeforeAnythingIsSent() throws Exception {
        SafeIdVirtualToken token = token("TB-PROG-03", 0);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount eightDigits = OtpAuthUri.parse(URI.replace("&period=60", "&digits=8"));
             OtpAccount hotp = OtpAuthUri.parse(URI.replace("totp", "hotp") + "&counter=1");
             OtpAccount account = OtpAuthUri.parse(URI)) {
            int before = host.apdusSeen();
            TokenException digits = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, eightDigits, 30, 0, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0005", digits.code().toString());
            assertTrue(digits.getMessage().contains("6-digit"), digits.getMessage());
            TokenException display = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, account, 45, 0, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0005", display.code().toString());
            assertTrue(display.getMessage().contains("15, 30, 60 or 120"), display.getMessage());
            TokenException counter = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, hotp, 30, 0, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0005", counter.code().toString());
            assertEquals(before, host.apdusSeen(), "not even the clock was read");
        }
    }

    @Test
    void aCancelBeforeTheBurnWritesNothing() throws Exception {
        SafeIdVirtualToken token = token("TB-PROG-04", 0);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        ProgressMonitor canceled = new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int work, String step) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, account, 30, 0, false, user, canceled));
            assertEquals("tokenbench:0x0010", e.code().toString(), e.getMessage());
            assertFalse(token.hasSeed());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "no authentication either");
            assertTrue(user.questions.isEmpty());
        }
    }

    @Test
    void aCodeThatDoesNotMatchOrIsNotGivenIsReported() throws Exception {
        SafeIdVirtualToken token = token("TB-PROG-05", 0);
        ScriptedInteraction misreads = new ScriptedInteraction(false, () -> "12345");
        try (TokenSession session = open(token, misreads); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenException mismatch = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, account, 30, 0, false, misreads, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0007", mismatch.code().toString(), mismatch.getMessage());
            ScriptedInteraction silent = new ScriptedInteraction(false);
            TokenException unconfirmed = assertThrows(TokenException.class,
                    () -> programmer.program(session, choices, account, 30, 0, false, silent, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0006", unconfirmed.code().toString());
            assertTrue(token.hasSeed(), "the seed is written either way; only its confirmation is missing");
        }
    }

    @Test
    void aMolto2ProfileIsProgrammedWithItsFamilysChoices() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-PROG-M2");
        ScriptedInteraction user = new ScriptedInteraction(false, () -> token.displayedCode(42));
        String uri = "otpauth://totp/Cloud:root?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cloud&digits=10";
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(uri)) {
            assertEquals("molto2", choices.family().id());
            assertEquals(100, choices.profiles().size());
            TokenProgrammer.Result result = programmer.program(session, choices, account, 120, 42, false, user, ProgressMonitor.NONE);
            assertEquals(0, result.confirmedOffset());
            assertEquals(10, token.displayedCode(42).length());
        }
    }

    /** Keeps what it is given: the programmer's recording is what is under test, not a log's storage. */
    private static final class RecordedEvents implements org.tokenbench.core.fleet.AuditLog {
        final java.util.List<org.tokenbench.core.fleet.AuditEvent> events = new java.util.ArrayList<>();

        @Override
        public org.tokenbench.core.fleet.AuditEntry record(org.tokenbench.core.fleet.AuditEvent event) {
            events.add(event);
            return new org.tokenbench.core.fleet.AuditEntry(events.size(), java.time.Instant.now(), "test", event);
        }

        @Override
        public java.util.List<org.tokenbench.core.fleet.AuditEntry> recent(int limit) {
            return java.util.List.of();
        }

        @Override
        public AutoCloseable onRecord(java.util.function.Consumer<org.tokenbench.core.fleet.AuditEntry> listener) {
            return () -> {
            };
        }

        String summary() {
            return events.stream().map(e -> e.action() + " " + e.outcome() + e.code().map(c -> " " + c).orElse("")).toList().toString();
        }
    }

    @Test
    void everyProgramAndConfirmationIsRecordedWithItsCodeAndNeverTheSeed() throws Exception {
        RecordedEvents audit = new RecordedEvents();
        TokenProgrammer recording = new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew(), audit, java.util.Optional.empty());
        SafeIdVirtualToken token = token("TB-PROG-06", 900);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            assertThrows(TokenException.class, () -> recording.program(session, choices, account, 30, 0, false, user, ProgressMonitor.NONE));
            recording.program(session, choices, account, 30, 0, true, user, ProgressMonitor.NONE);
            ScriptedInteraction misreads = new ScriptedInteraction(false, () -> "000000".equals(token.displayedCode()) ? "111111" : "000000");
            assertThrows(TokenException.class, () -> recording.program(session, choices, account, 30, 0, true, misreads, ProgressMonitor.NONE));
        }
        assertEquals("[token.program REFUSED tokenbench:0x0003, token.program SUCCEEDED, token.confirm SUCCEEDED, token.program SUCCEEDED, "
                + "token.confirm FAILED tokenbench:0x0007]", audit.summary());
        audit.events.forEach(e -> {
            assertEquals("TB-PROG-06", e.serial());
            assertEquals("single-profile", e.family(), e.toString());
            assertFalse(e.detail().contains("GEZDGNBV"), e.detail());
            assertTrue(e.detail().contains("ACME:ops@example.com"), e.detail());
        });
    }
}
