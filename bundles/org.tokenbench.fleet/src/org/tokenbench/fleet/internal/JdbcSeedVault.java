package org.tokenbench.fleet.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;
import org.tokenbench.fleet.SeedVault;

/**
 * The seed vault in the fleet database. Enabling it stores the Argon2id salt and parameters and a sealed check value
 * (so a wrong passphrase is told apart from a damaged seed row and never seals a seed no one can open); each seed is
 * AES-256-GCM with a fresh nonce and the device's family and serial as associated data. The derived key lives for one
 * call and is zeroed.
 */
@Component(service = SeedVault.class)
public final class JdbcSeedVault implements SeedVault {

    static final int MEMORY_KIB = 64 * 1024;
    static final int PASSES = 3;
    static final int PARALLELISM = 1;
    static final String KDF = "argon2id m=" + MEMORY_KIB + " t=" + PASSES + " p=" + PARALLELISM;
    private static final byte[] CHECK = "TokenBench seed vault".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference
    private FleetDatabase database;

    /** For Declarative Services. */
    public JdbcSeedVault() {
    }

    public JdbcSeedVault(FleetDatabase database) {
        this.database = database;
    }

    private record VaultKey(String kdf, byte[] salt, byte[] checkNonce, byte[] checkSealed) {
    }

    @Override
    public boolean isEnabled() throws TokenException {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM vault_key"); ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        });
    }

    @Override
    public void enable(Secret passphrase) throws TokenException {
        if (passphrase.length() < MIN_PASSPHRASE) {
            throw new TokenException(FleetProblem.WEAK_PASSPHRASE,
                    "the passphrase has " + passphrase.length() + " bytes; at least " + MIN_PASSPHRASE + " characters are needed");
        }
        if (isEnabled()) {
            throw new TokenException(FleetProblem.VAULT_ALREADY_ENABLED, "the seed vault is enabled already");
        }
        byte[] salt = random(16);
        byte[] nonce = random(12);
        byte[] key = derive(passphrase, salt);
        byte[] sealed;
        try {
            sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, "vault-check").doFinal(CHECK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO vault_key (id, kdf, salt, check_nonce, check_sealed, created_at) VALUES (1, ?, ?, ?, ?, ?)")) {
                insert.setString(1, KDF);
                insert.setString(2, b64(salt));
                insert.setString(3, b64(nonce));
                insert.setString(4, b64(sealed));
                insert.setLong(5, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void store(String family, String serial, Secret seed, Secret passphrase) throws TokenException {
        byte[] key = openKey(passphrase);
        byte[] nonce = random(12);
        String sealed;
        try {
            sealed = seed.apply(bytes -> {
                try {
                    return b64(gcm(Cipher.ENCRYPT_MODE, key, nonce, aad(family, serial)).doFinal(bytes));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
                }
            });
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        database.write(connection -> {
            deleteSeed(connection, family, serial);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO vault_seed (family, serial, nonce, sealed, stored_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, family);
                insert.setString(2, serial);
                insert.setString(3, b64(nonce));
                insert.setString(4, sealed);
                insert.setLong(5, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Secret retrieve(String family, String serial, Secret passphrase) throws TokenException {
        String[] stored = database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT nonce, sealed FROM vault_seed WHERE family = ? AND serial = ?")) {
                query.setString(1, family);
                query.setString(2, serial);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? new String[] { rows.getString(1), rows.getString(2) } : null;
                }
            }
        });
        if (stored == null) {
            throw new TokenException(FleetProblem.NO_STORED_SEED, "the seed vault holds no seed for " + family + " " + serial);
        }
        byte[] key = openKey(passphrase);
        try {
            return Secret.adopt(gcm(Cipher.DECRYPT_MODE, key, unb64(stored[0]), aad(family, serial)).doFinal(unb64(stored[1])));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new TokenException(FleetProblem.VAULT_NOT_OPENED, "the stored seed of " + family + " " + serial + " does not open: its row was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean holds(String family, String serial) throws TokenException {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM vault_seed WHERE family = ? AND serial = ?")) {
                query.setString(1, family);
                query.setString(2, serial);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getInt(1) > 0;
                }
            }
        });
    }

    @Override
    public boolean forget(String family, String serial) throws TokenException {
        return database.write(connection -> deleteSeed(connection, family, serial) > 0);
    }

    private static int deleteSeed(Connection connection, String family, String serial) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM vault_seed WHERE family = ? AND serial = ?")) {
            delete.setString(1, family);
            delete.setString(2, serial);
            return delete.executeUpdate();
        }
    }

    /** The vault key for {@code passphrase}, checked against the sealed check value; the caller zeroes it. */
    private byte[] openKey(Secret passphrase) throws TokenException {
        VaultKey vault = database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT kdf, salt, check_nonce, check_sealed FROM vault_key WHERE id = 1");
                    ResultSet rows = query.executeQuery()) {
                return rows.next() ? new VaultKey(rows.getString(1), unb64(rows.getString(2)), unb64(rows.getString(3)), unb64(rows.getString(4)))
                        : null;
            }
        });
        if (vault == null) {
            throw new TokenException(FleetProblem.VAULT_NOT_ENABLED, "the seed vault is not enabled, so no seed is stored");
        }
        if (!KDF.equals(vault.kdf())) {
            throw new TokenException(FleetProblem.SCHEMA_TOO_NEW, "the seed vault uses " + vault.kdf() + ", which this TokenBench does not know");
        }
        byte[] key = derive(passphrase, vault.salt());
        try {
            byte[] check = gcm(Cipher.DECRYPT_MODE, key, vault.checkNonce(), "vault-check").doFinal(vault.checkSealed());
            if (!Arrays.equals(check, CHECK)) {
                throw new AEADBadTagException();
            }
            return key;
        } catch (AEADBadTagException e) {
            Arrays.fill(key, (byte) 0);
            throw new TokenException(FleetProblem.VAULT_NOT_OPENED, "the passphrase does not open the seed vault");
        } catch (GeneralSecurityException e) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    static byte[] derive(Secret passphrase, byte[] salt) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                .withMemoryAsKB(MEMORY_KIB).withIterations(PASSES).withParallelism(PARALLELISM).build());
        byte[] key = new byte[32];
        passphrase.apply(bytes -> argon2.generateBytes(bytes, key));
        return key;
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce, String associated) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        return gcm;
    }

    private static String aad(String family, String serial) {
        return "seed\u0000" + family + "\u0000" + serial;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
