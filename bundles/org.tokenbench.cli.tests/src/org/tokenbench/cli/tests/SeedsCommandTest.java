package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokenbench seeds check|export} and {@code batch status|report} without a device. */
class SeedsCommandTest {

    private static final String CSV = "serial,secret,algorithm,digits,period,upn\n"
            + "TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,SHA1,6,30,alice@example.com\n"
            + "TB0002,NOT-BASE32-1!,SHA1,6,30,bob@example.com\n"
            + "TB0003,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,SHA1,6,60,carol@example.com\n";

    @TempDir
    Path dir;

    @Test
    void checkListsTheUsableSerialsAndWritesTheRejectedLines() throws Exception {
        Path csv = Files.writeString(dir.resolve("box.csv"), CSV);
        Path rejects = dir.resolve("rejects.csv");
        CliRun run = CliRun.of("seeds", "check", csv.toString(), "--rejects", rejects.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("TB0001", "TB0003"), run.out().lines().toList());
        assertTrue(run.err().contains("not imported: entry 3 (TB0002): line 3:"), run.err());
        assertTrue(run.err().contains("[otp:0x"), run.err());
        assertFalse(run.err().contains("GEZDGNBV"), "no seed on stderr");
        assertEquals(List.of("serial,secret,algorithm,digits,period,upn", "TB0002,NOT-BASE32-1!,SHA1,6,30,bob@example.com"),
                Files.readAllLines(rejects));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects)));
    }

    @Test
    void exportToEntraAndToPasswordPskcAndBack() throws Exception {
        Path csv = Files.writeString(dir.resolve("box.csv"), CSV);
        Path entra = dir.resolve("entra.csv");
        CliRun toEntra = CliRun.of("seeds", "export", csv.toString(), "--format", "entra", "--out", entra.toString());
        assertEquals(0, toEntra.exitCode(), toEntra.err());
        assertEquals(List.of("upn,serial number,secret key,time interval,manufacturer,model",
                "alice@example.com,TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,,", "carol@example.com,TB0003,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,60,,"),
                Files.readAllLines(entra));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entra)));

        Path pskc = dir.resolve("idp.pskc");
        CliRun toPskc = CliRun.withStdin("a long export password\n", "seeds", "export", csv.toString(), "--format", "pskc",
                "--out-password-file", "-", "--out", pskc.toString());
        assertEquals(0, toPskc.exitCode(), toPskc.err());
        assertFalse(Files.readString(pskc).contains("GEZDGNBV"));
        CliRun back = CliRun.withStdin("a long export password\n", "seeds", "check", pskc.toString(), "--password-file", "-", "--fail-hard");
        assertEquals(0, back.exitCode(), back.err());
        assertEquals(List.of("TB0001", "TB0003"), back.out().lines().toList());
        CliRun wrong = CliRun.withStdin("another password\n", "seeds", "check", pskc.toString(), "--password-file", "-", "--fail-hard");
        assertEquals(3, wrong.exitCode(), wrong.err());
        assertTrue(wrong.err().contains("[seeds:0x0008]"), wrong.err());

        CliRun unencrypted = CliRun.of("seeds", "export", csv.toString(), "--format", "pskc", "--out", dir.resolve("plain.pskc").toString());
        assertEquals(2, unencrypted.exitCode(), unencrypted.err());
        assertFalse(Files.exists(dir.resolve("plain.pskc")));
    }

    @Test
    void hostileXmlIsRefusedWithItsCode() throws Exception {
        Path xxe = Files.writeString(dir.resolve("x.pskc"), "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<KeyContainer xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">&e;</KeyContainer>");
        CliRun run = CliRun.of("seeds", "check", xxe.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("[seeds:0x0002]"), run.err());
        assertFalse(run.err().contains("root:"), run.err());
    }

    @Test
    void batchStatusOfAnUnknownBatchFails() {
        CliRun run = CliRun.of("batch", "status", "no-such-batch");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("[batch:0x0004]"), run.err());
    }
}
