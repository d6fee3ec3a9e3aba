package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;

/** `tokenbench oath …` against a virtual YKOATH card behind real pcscd, through the devices service only. */
class OathCommandTest {

    private static final String URI = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void takeTheCardOut() throws Exception {
        reader.remove();
    }

    private static CliRun oath(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "oath";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--reader";
        all[args.length + 2] = VirtualReader.NAME;
        return CliRun.withStdin(stdin, all);
    }

    @Test
    void addListCodeRenameDeleteLikeYkmanOathAccounts(@TempDir Path dir) throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        reader.insert(card);
        Path uri = dir.resolve("alice.uri");
        Files.writeString(uri, URI);
        Path key = dir.resolve("key.txt");
        Files.writeString(key, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n");

        CliRun added = oath("", "add", "--uri-file", uri.toString());
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Example:alice@example.com", added.out().strip());
        CliRun second = oath("", "add", "ACME:ops", "--secret-file", key.toString(), "--algorithm", "SHA256", "--digits", "8",
                "--period", "60", "--touch");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("60/ACME:ops", second.out().strip());
        assertEquals(2, oath("", "add", "x", "--secret-file", key.toString(), "--digits", "9").exitCode(), "9 digits is a usage error");

        CliRun list = oath("", "list");
        assertEquals(List.of("Example:alice@example.com", "60/ACME:ops"), list.out().strip().lines().toList());
        assertTrue(oath("", "list", "--json").out().contains("\"algorithm\": \"SHA256\", \"digits\": 8, \"periodSeconds\": 60, \"touch\": true"));

        CliRun codes = oath("", "code");
        assertEquals(0, codes.exitCode(), codes.err());
        assertTrue(codes.out().matches("(?s)Example:alice@example.com\\s+\\d{6}\\n60/ACME:ops\\s+\\[touch the key\\]\\n"), codes.out());

        card.touch(); // the touch arrives before the command asks: the card keeps it for the next touch credential
        CliRun touched = oath("", "code", "acme");
        assertEquals(0, touched.exitCode(), touched.err());
        assertTrue(touched.out().matches("60/ACME:ops\\s+\\d{8}\\n"), touched.out());
        assertTrue(touched.err().contains("Touch the key"), touched.err());

        assertEquals(0, oath("", "rename", "Example:alice@example.com", "Example:alice").exitCode());
        CliRun refused = oath("no\n", "delete", "Example:alice");
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(2, card.size(), "nothing deleted without a yes");
        assertEquals(0, oath("yes\n", "delete", "Example:alice").exitCode());
        assertEquals(List.of("60/ACME:ops"), card.names());
    }

    @Test
    void thePasswordComesFromAFileOrAPromptIsRememberedEncryptedAndResetNeedsAYes(@TempDir Path dir) throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        reader.insert(card);
        Path uri = dir.resolve("alice.uri");
        Files.writeString(uri, URI);
        assertEquals(0, oath("", "add", "--uri-file", uri.toString()).exitCode());
        Path password = dir.resolve("pw.txt");
        Files.writeString(password, "hunter2 but longer\n");

        CliRun set = oath("", "password", "--new-password-file", password.toString());
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(card.hasPassword());

        CliRun locked = oath("", "list");
        assertEquals(3, locked.exitCode(), "no password given: " + locked.err());
        CliRun wrong = oath("wrong\n", "list");
        assertEquals(3, wrong.exitCode());
        assertTrue(wrong.err().contains("[ykoath:0x6984]"), wrong.err());
        CliRun typo = oath("hunter2 but lunger\n", "list", "--remember");
        assertEquals(3, typo.exitCode(), typo.err());
        Path stateFile = TokenBenchHome.directory().resolve("device-passwords.properties");
        assertFalse(Files.exists(stateFile) && Files.readString(stateFile).contains("="), "a password the device refused is not remembered");
        CliRun prompted = oath("hunter2 but longer\n", "list", "--remember");
        assertEquals(0, prompted.exitCode(), prompted.err());
        assertEquals("Example:alice@example.com", prompted.out().strip());

        Path state = TokenBenchHome.directory().resolve("device-passwords.properties");
        assertTrue(Files.exists(state));
        assertFalse(Files.readString(state).contains("hunter2"), "remembered encrypted, never in clear");
        CliRun remembered = oath("", "list");
        assertEquals(0, remembered.exitCode(), "the remembered password opens it: " + remembered.err());

        // Changed with another tool: the remembered one is refused once, forgotten, and the user is asked.
        card.setPassword("changed by ykman");
        CliRun stale = oath("changed by ykman\n", "list");
        assertEquals(0, stale.exitCode(), stale.err());
        assertTrue(stale.err().contains("was refused (changed elsewhere?) and is forgotten"), stale.err());
        assertFalse(Files.readString(state).contains("="), "the stale password is gone");
        card.setPassword("hunter2 but longer");

        // Issue 13: a password with blanks at its ends (ykman keeps them) is kept exactly from a file, as from the prompt.
        card.setPassword("  padded by ykman ");
        Path padded = Files.writeString(dir.resolve("padded.txt"), "  padded by ykman \n");
        Path trimmed = Files.writeString(dir.resolve("trimmed.txt"), "padded by ykman\n");
        CliRun exact = oath("", "list", "--password-file", padded.toString());
        assertEquals(0, exact.exitCode(), "the blanks are part of the password: " + exact.err());
        assertEquals(3, oath("", "list", "--password-file", trimmed.toString()).exitCode(), "and the trimmed text is another password");
        assertEquals(0, oath("  padded by ykman \n", "list").exitCode(), "the prompt keeps them the same way");
        Path twoLines = Files.writeString(dir.resolve("two.txt"), "one\ntwo\n");
        CliRun refused = oath("", "list", "--password-file", twoLines.toString());
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().contains("holds more than one line"), refused.err());
        card.setPassword("hunter2 but longer");

        CliRun no = oath("no\n", "reset");
        assertEquals(1, no.exitCode());
        assertEquals(1, card.size());
        CliRun yes = oath("yes\n", "reset");
        assertEquals(0, yes.exitCode(), yes.err());
        assertEquals(0, card.size());
        assertFalse(card.hasPassword());
        assertFalse(Files.readString(state).contains("="), "a reset device's remembered password is forgotten");
    }
}
