package org.tokenbench.seedfiles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/**
 * What an import produced: the usable entries, the rejected ones with their reasons, and those rejected entries in
 * the source's own format (so they can be fixed and imported again, as FreeIPA's {@code ipa-otptoken-import} does).
 * Closing it wipes every seed, including the rejected entries' copy.
 */
public final class SeedImport implements AutoCloseable {

    private final List<SeedEntry> entries;
    private final List<Rejection> rejections;
    private final byte[] rejectedSource;

    public SeedImport(List<SeedEntry> entries, List<Rejection> rejections, byte[] rejectedSource) {
        this.entries = List.copyOf(entries);
        this.rejections = List.copyOf(rejections);
        this.rejectedSource = rejectedSource;
    }

    public List<SeedEntry> entries() {
        return entries;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /**
     * Writes the rejected entries, in the source's format, readable by the owner only (they may hold seeds); nothing
     * is written when every entry was imported.
     *
     * @return whether a file was written
     */
    public boolean writeRejected(Path out) throws TokenException {
        if (rejections.isEmpty()) {
            return false;
        }
        PrivateFiles.write(out, rejectedSource);
        return true;
    }

    /** "3 keys imported, 2 not" and the reasons grouped, for a summary line. */
    public String summary() {
        return entries.size() + " imported, " + rejections.size() + " not imported";
    }

    @Override
    public void close() {
        entries.forEach(SeedEntry::close);
        Arrays.fill(rejectedSource, (byte) 0);
    }
}
