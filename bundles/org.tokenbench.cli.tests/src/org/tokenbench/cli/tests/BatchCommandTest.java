package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/**
 * {@code tokenbench batch program|status|export} with virtual SafeID tokens put on the vpcd reader one after the other
 * while the command runs, as an engineer does with a box.
 */
class BatchCommandTest {

    private static final String CSV = "serial,secret,algorithm,digits,period,upn\n"
            + "TB-CLI-B1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,SHA1,6,30,alice@example.com\n"
            + "TB-CLI-B2,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,SHA1,6,30,bob@example.com\n";

    private final VirtualReader reader = new VirtualReader();

    @TempDir
    Path dir;

    @AfterEach
    void takeTheTokenOut() throws Exception {
        reader.remove();
    }

    /** Standard input that answers every question with the code the token now on the reader shows. */
    private static InputStream readsTheDisplay(AtomicReference<SafeIdVirtualToken> onReader) {
        return new TypedInput(() -> {
            SafeIdVirtualToken token = onReader.get();
            String code = token == null ? null : token.displayedCode();
            return code == null ? "" : code;
        });
    }

    private static void waitForJournalLine(Path journal, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(journal) || Files.readAllLines(journal).stream().noneMatch(l -> l.contains(expected))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the journal never recorded " + expected);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aBoxOfTwoIsProgrammedOneByOneThenReportedAndExportedForEntra() throws Exception {
        Path csv = Files.writeString(dir.resolve("box.csv"), CSV);
        String name = "cli-box-" + System.nanoTime();
        Path journal = TokenBenchHome.directory().resolve("batches").resolve(name + ".journal");
        Path report = dir.resolve("report.csv");
        AtomicReference<SafeIdVirtualToken> onReader = new AtomicReference<>();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.withInput(readsTheDisplay(onReader), "batch", "program",
                "--seeds", csv.toString(), "--reader", VirtualReader.NAME, "--name", name, "--next-wait", "30", "--report", report.toString()));
        for (String serial : List.of("TB-CLI-B1", "TB-CLI-B2")) {
            SafeIdVirtualToken token = new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, serial, 0, () -> System.currentTimeMillis() / 1000);
            onReader.set(token);
            reader.insert(token);
            waitForJournalLine(journal, serial + "\tCONFIRMED");
            reader.remove();
        }
        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exitCode(), done.err());
        assertEquals(List.of("TB-CLI-B1 CONFIRMED", "TB-CLI-B2 CONFIRMED"), done.out().lines().toList());
        assertTrue(Files.readString(report).startsWith("serial,state,attempts,time,code,detail\nTB-CLI-B1,CONFIRMED,1,"), Files.readString(report));

        CliRun status = CliRun.of("batch", "status", name);
        assertEquals(0, status.exitCode(), status.err());
        assertEquals(List.of("TB-CLI-B1 CONFIRMED", "TB-CLI-B2 CONFIRMED"), status.out().lines().toList());

        Path entra = dir.resolve("entra.csv");
        CliRun export = CliRun.of("batch", "export", "--name", name, "--seeds", csv.toString(), "--format", "entra", "--out", entra.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals(List.of("upn,serial number,secret key,time interval,manufacturer,model",
                "alice@example.com,TB-CLI-B1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,,", "bob@example.com,TB-CLI-B2,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP,30,,"),
                Files.readAllLines(entra));

        Path otherCsv = Files.writeString(dir.resolve("other.csv"), CSV.replace("B2", "B3"));
        CliRun wrongSource = CliRun.of("batch", "export", "--name", name, "--seeds", otherCsv.toString(), "--format", "entra", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(3, wrongSource.exitCode());
        assertTrue(wrongSource.err().contains("[batch:0x0003]"), wrongSource.err());
    }
}
