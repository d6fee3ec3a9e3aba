package org.tokenbench.fleet;

import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * Seeds kept on purpose, so that a lost token's replacement can be programmed with the same key: an OSGi service,
 * off until the user enables it with a passphrase. Each seed is sealed with AES-256-GCM under a key derived from that
 * passphrase with Argon2id (64 MiB, 3 passes); the device's family and serial are authenticated with it, so a sealed
 * seed moved to another device's row does not open. Nothing secret is kept between calls.
 */
public interface SeedVault {

    /** At least 12 characters, like key backups. */
    int MIN_PASSPHRASE = 12;

    boolean isEnabled() throws TokenException;

    /** Opts in: sets the vault's passphrase (refused when it is already enabled). */
    void enable(Secret passphrase) throws TokenException;

    /** Seals {@code seed} for the device, replacing a seed stored before. */
    void store(String family, String serial, Secret seed, Secret passphrase) throws TokenException;

    /** The stored seed (the caller closes it). */
    Secret retrieve(String family, String serial, Secret passphrase) throws TokenException;

    boolean holds(String family, String serial) throws TokenException;

    /** Removes the device's seed; true when there was one. */
    boolean forget(String family, String serial) throws TokenException;
}
