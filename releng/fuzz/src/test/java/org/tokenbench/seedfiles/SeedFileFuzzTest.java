package org.tokenbench.seedfiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditLog;

/** A vendor's PSKC or CSV seed file: imported, entries rejected one by one, or refused with a TokenException. */
class SeedFileFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void seedFile(byte[] content) {
        try (SeedImport imported = SeedFiles.read(content, "fuzz", new PskcProtection.None(), ImportMode.FAIL_SOFT, AuditLog.NONE)) {
            imported.summary();
        } catch (TokenException refused) {
            // not a seed file, hostile XML, too large…
        }
    }
}
