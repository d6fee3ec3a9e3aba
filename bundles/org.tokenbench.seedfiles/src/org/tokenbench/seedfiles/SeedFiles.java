package org.tokenbench.seedfiles;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;

/** Reads a seed file whatever its format (PSKC XML or a vendor CSV) and records the import in the audit log. */
public final class SeedFiles {

    /** The largest seed file read (32 MiB: about 30,000 tokens in PSKC). */
    public static final int MAX_BYTES = org.tokenbench.seedfiles.internal.SafeXml.MAX_BYTES;

    private SeedFiles() {
    }

    /**
     * @param name the file's name for the audit log and messages
     * @throws TokenException when the file as a whole is unusable (the failure is recorded as well)
     */
    public static SeedImport read(byte[] content, String name, PskcProtection protection, ImportMode mode, AuditLog audit)
            throws TokenException {
        SeedImport result;
        try {
            result = isXml(content) ? PskcReader.read(content, protection, mode) : VendorCsv.read(content);
        } catch (TokenException e) {
            audit.record(AuditEvent.failed(AuditEvent.IMPORT, "", "", e.code(), name));
            throw e;
        }
        try {
            audit.record(AuditEvent.succeeded(AuditEvent.IMPORT, "", "", name + ": " + result.summary()));
        } catch (TokenException e) {
            result.close();
            throw e;
        }
        return result;
    }

    /** XML starts with '<' after an optional byte order mark and white space; vendor CSVs start with a serial or '#'. */
    static boolean isXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }
}
