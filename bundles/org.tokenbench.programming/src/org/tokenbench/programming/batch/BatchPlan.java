package org.tokenbench.programming.batch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.otp.OtpAccount;
import org.tokenbench.seedfiles.SeedEntry;

/**
 * What a batch programs: each serial's own seed from a seed file, or one key on a number of tokens (the same account on
 * several terminals). It owns the seeds it is given and wipes them on {@link #close()}.
 */
public final class BatchPlan implements AutoCloseable {

    public static final String PER_TOKEN = "per-token";
    public static final String ONE_KEY = "one-key";

    private final String source;
    private final String fingerprint;
    private final Map<String, SeedEntry> bySerial;
    private final OtpAccount sharedAccount;
    private final int tokens;

    private BatchPlan(String source, String fingerprint, Map<String, SeedEntry> bySerial, OtpAccount sharedAccount, int tokens) {
        this.source = source;
        this.fingerprint = fingerprint;
        this.bySerial = bySerial;
        this.sharedAccount = sharedAccount;
        this.tokens = tokens;
    }

    /** Each token gets the seed its serial has in the file; entries without a serial cannot be matched and are left out. */
    public static BatchPlan perToken(String source, String fingerprint, List<SeedEntry> entries) {
        Map<String, SeedEntry> bySerial = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.serial().isEmpty()).forEach(e -> bySerial.putIfAbsent(e.serial(), e));
        return new BatchPlan(source, fingerprint, bySerial, null, bySerial.size());
    }

    /** {@code tokens} tokens, whichever serials they have, all get {@code account}. */
    public static BatchPlan oneKey(String source, String fingerprint, OtpAccount account, int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a batch programs at least one token");
        }
        return new BatchPlan(source, fingerprint, Map.of(), account, tokens);
    }

    /** SHA-256 of the seed source's bytes, so that a resumed batch is known to use the same file. */
    public static String fingerprint(byte[] sourceBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sourceBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    public String source() {
        return source;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String mode() {
        return sharedAccount == null ? PER_TOKEN : ONE_KEY;
    }

    public boolean isOneKey() {
        return sharedAccount != null;
    }

    /** How many tokens the batch is for. */
    public int tokens() {
        return tokens;
    }

    /** The serials a per-token batch expects, in file order; empty for one key on N tokens. */
    public List<String> serials() {
        return List.copyOf(bySerial.keySet());
    }

    /** The credential for the token with {@code serial}; empty when the batch has none for it. */
    public Optional<OtpAccount> accountFor(String serial) {
        return isOneKey() ? Optional.of(sharedAccount) : Optional.ofNullable(bySerial.get(serial)).map(SeedEntry::account);
    }

    /** The seed file's entry for {@code serial} (manufacturer, model), empty for one key on N tokens. */
    public Optional<SeedEntry> entryFor(String serial) {
        return Optional.ofNullable(bySerial.get(serial));
    }

    public BatchJournal.Header header(int displaySeconds, int profile) {
        return new BatchJournal.Header(source, fingerprint, mode(), tokens, displaySeconds, profile);
    }

    @Override
    public void close() {
        bySerial.values().forEach(SeedEntry::close);
        if (sharedAccount != null) {
            sharedAccount.close();
        }
    }
}
