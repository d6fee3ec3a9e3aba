package org.tokenbench.seedfiles;

import java.util.Objects;

import org.tokenbench.otp.OtpAccount;

/**
 * One token's seed as a seed file carries it: the serial it belongs to, who made the token, and the credential.
 * Closing it wipes the seed.
 *
 * @param serial       the token's serial number as printed on it (empty for a key not tied to a device)
 * @param manufacturer as the file names it, empty when unknown
 * @param model        as the file names it, empty when unknown
 * @param account      the credential: parameters (hash from the file, digits, period, account label) and the seed
 */
public record SeedEntry(String serial, String manufacturer, String model, OtpAccount account) implements AutoCloseable {

    public SeedEntry {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(account, "account");
    }

    @Override
    public void close() {
        account.close();
    }
}
