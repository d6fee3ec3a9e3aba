package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.testing.OsgiServices;

/**
 * {@code tokenbench fleet …} and {@code tokenbench audit …} on the fleet bundle's default database (H2 under this test
 * run's TokenBench home); the storage itself is tested on H2 and PostgreSQL in the fleet bundle's tests.
 */
class FleetCommandTest {

    @TempDir
    Path dir;

    @Test
    void listShowSetAndRetireADeviceAndFindEachChangeInTheAuditLog() throws Exception {
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        String serial = "CLI" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", serial), "1.2", Optional.of(Duration.ofSeconds(4)));

        CliRun set = CliRun.of("fleet", "set", serial, "--owner", "Alice Martin", "--account", "Example:alice@example.com", "--state", "programmed");
        assertEquals(0, set.exitCode(), set.err());
        assertEquals("safeid-c200\t" + serial + "\tprogrammed\tAlice Martin\tExample:alice@example.com", set.out().strip());

        CliRun list = CliRun.of("fleet", "list", "--filter", serial.toLowerCase() + " alice");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(List.of("safeid-c200\t" + serial + "\tprogrammed\tAlice Martin\tExample:alice@example.com"), list.out().lines().toList());

        CliRun json = CliRun.of("fleet", "list", "--filter", serial, "--json");
        assertTrue(json.out().startsWith("{\"family\": \"safeid-c200\", \"serial\": \"" + serial + "\", \"driver\": \"safeid\", \"firmware\": \"1.2\", "
                + "\"owner\": \"Alice Martin\", \"account\": \"Example:alice@example.com\", \"state\": \"programmed\", \"lastSkewSeconds\": 4, "), json.out());

        CliRun csv = CliRun.of("fleet", "list", "--filter", serial, "--csv");
        List<String> rows = csv.out().lines().toList();
        assertEquals("family,serial,driver,firmware,owner,account,state,lastSkewSeconds,firstSeen,lastSeen", rows.get(0));
        assertTrue(rows.get(1).startsWith("safeid-c200," + serial + ",safeid,1.2,Alice Martin,Example:alice@example.com,programmed,4,"), rows.get(1));

        CliRun retire = CliRun.of("fleet", "retire", serial, "--lost");
        assertEquals(0, retire.exitCode(), retire.err());
        assertEquals(1, CliRun.of("fleet", "list", "--filter", serial, "--state", "programmed").exitCode(), "nothing matches: exit 1");

        CliRun show = CliRun.of("fleet", "show", serial);
        assertEquals(0, show.exitCode(), show.err());
        List<String> history = show.out().lines().filter(l -> l.startsWith("history: ")).toList();
        assertTrue(show.out().contains("state: lost\n"), show.out());
        assertEquals(3, history.size(), show.out());
        assertTrue(history.get(0).endsWith("\tinventory.change\tsafeid-c200\t" + serial + "\tsucceeded\t\tstate programmed (was new), account Example:alice@example.com"),
                history.get(0));
        assertTrue(history.get(2).endsWith("state lost (was programmed)"), history.get(2));

        CliRun audit = CliRun.of("audit", "list", "--serial", serial, "--json");
        assertEquals(3, audit.out().lines().count(), audit.out());
        assertTrue(audit.out().lines().allMatch(l -> l.contains("\"user\": \"" + System.getProperty("user.name") + "\"")), audit.out());

        CliRun verify = CliRun.of("audit", "verify");
        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals("intact", verify.out().lines().findFirst().orElse(""));
        assertTrue(verify.out().lines().anyMatch(l -> l.matches("head: \\d+ [0-9a-f]{64}")), verify.out());
    }

    @Test
    void unknownSerialsAndStatesAreUsageErrors() {
        CliRun unknown = CliRun.of("fleet", "retire", "NO-SUCH-SERIAL");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no device with serial NO-SUCH-SERIAL"), unknown.err());
        CliRun badState = CliRun.of("fleet", "list", "--state", "gone");
        assertEquals(2, badState.exitCode());
        assertTrue(badState.err().contains("'gone' is not a state"), badState.err());
    }

    @Test
    void keyBackupsAndRestoresAreRecordedWithoutTheKey() throws Exception {
        Path uri = Files.writeString(dir.resolve("uri"), "otpauth://totp/Audit:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Audit");
        Path passphrase = Files.writeString(dir.resolve("pass"), "four unrelated words here\n");
        Path backup = dir.resolve("audit.tbkey");
        assertEquals(0, CliRun.of("otp", "backup", "--uri-file", uri.toString(), "--passphrase-file", passphrase.toString(), "--out", backup.toString())
                .exitCode());
        Path wrong = Files.writeString(dir.resolve("wrong"), "four unrelated words there");
        assertEquals(3, CliRun.of("otp", "restore", "--backup-file", backup.toString(), "--passphrase-file", wrong.toString()).exitCode());

        List<String> newest = CliRun.of("audit", "list", "--limit", "2").out().lines().toList();
        assertEquals(2, newest.size());
        assertTrue(newest.get(0).contains("\totp.backup\t\t\tsucceeded\t\tAudit (ops) to " + backup), newest.get(0));
        assertTrue(newest.get(1).contains("\totp.restore\t\t\tfailed\totp:0x0011\tfrom " + backup), newest.get(1));
        assertTrue(newest.stream().noneMatch(l -> l.contains("GEZDGNBV")), "no key in the log");
    }
}
