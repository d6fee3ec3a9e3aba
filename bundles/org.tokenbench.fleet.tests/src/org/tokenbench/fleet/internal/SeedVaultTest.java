package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;

/** The opt-in seed vault: seeds come back only with the passphrase, and the database files never hold them in clear. */
class SeedVaultTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private FleetDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static Secret passphrase(String text) {
        return Secret.fromChars(text.toCharArray());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void seedsAreStoredOnlyAfterOptingInAndComeBackWithThePassphrase(TestDatabases kind) throws Exception {
        database = kind.create();
        JdbcSeedVault vault = new JdbcSeedVault(database);
        byte[] seed = HexFormat.of().parseHex("3132333435363738393031323334353637383930");
        assertFalse(vault.isEnabled(), "the vault is off until the user opts in");
        assertEquals(FleetProblem.VAULT_NOT_ENABLED,
                assertThrows(TokenException.class, () -> vault.store("safeid-c200", "S1", Secret.copyOf(seed, 0, seed.length), passphrase(PASSPHRASE)))
                        .code());
        assertEquals(FleetProblem.WEAK_PASSPHRASE, assertThrows(TokenException.class, () -> vault.enable(passphrase("short"))).code());

        vault.enable(passphrase(PASSPHRASE));
        assertTrue(vault.isEnabled());
        assertEquals(FleetProblem.VAULT_ALREADY_ENABLED, assertThrows(TokenException.class, () -> vault.enable(passphrase(PASSPHRASE))).code());

        vault.store("safeid-c200", "S1", Secret.copyOf(seed, 0, seed.length), passphrase(PASSPHRASE));
        assertTrue(vault.holds("safeid-c200", "S1"));
        try (Secret back = vault.retrieve("safeid-c200", "S1", passphrase(PASSPHRASE))) {
            assertArrayEquals(seed, back.copyBytes());
        }
        assertEquals(FleetProblem.VAULT_NOT_OPENED,
                assertThrows(TokenException.class, () -> vault.retrieve("safeid-c200", "S1", passphrase("not the passphrase at all"))).code());
        assertEquals(FleetProblem.NO_STORED_SEED, assertThrows(TokenException.class, () -> vault.retrieve("safeid-c200", "S2", passphrase(PASSPHRASE)))
                .code());

        // A sealed seed copied to another device's row does not open there: the serial is authenticated with it.
        database.write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO vault_seed (family, serial, nonce, sealed, stored_at) "
                        + "SELECT family, 'S2', nonce, sealed, stored_at FROM vault_seed WHERE serial = 'S1'");
            }
            return null;
        });
        assertEquals(FleetProblem.VAULT_NOT_OPENED, assertThrows(TokenException.class, () -> vault.retrieve("safeid-c200", "S2", passphrase(PASSPHRASE)))
                .code());
        assertTrue(vault.forget("safeid-c200", "S2"));
        assertFalse(vault.holds("safeid-c200", "S2"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theDatabaseFilesHoldNoSeedBytes(TestDatabases kind) throws Exception {
        database = kind.create();
        JdbcSeedVault vault = new JdbcSeedVault(database);
        vault.enable(passphrase(PASSPHRASE));
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        String serial = "VAULT" + TestDatabases.newName().toUpperCase();
        vault.store("safeid-c200", serial, Secret.copyOf(seed, 0, seed.length), passphrase(PASSPHRASE));
        Path files = kind.files(database);
        database.close();
        database = null;

        List<byte[]> forms = List.of(seed, HexFormat.of().formatHex(seed).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().withUpperCase().formatHex(seed).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(seed),
                java.util.Arrays.copyOf(seed, 12));
        boolean serialFound = false;
        try (Stream<Path> all = Files.walk(files)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (java.io.IOException e) {
                    continue; // a socket or a file the server removed meanwhile
                }
                for (byte[] form : forms) {
                    assertFalse(contains(content, form), file + " holds the seed in clear");
                }
                serialFound |= contains(content, serial.getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertTrue(serialFound, "the scan reads the stored rows (the device's serial, stored in clear, is found)");
    }

    @Test
    void theKeyDerivationIsArgon2idWithAHighWorkFactor() {
        assertEquals("argon2id m=65536 t=3 p=1", JdbcSeedVault.KDF);
        long start = System.nanoTime();
        byte[] key = JdbcSeedVault.derive(passphrase(PASSPHRASE), new byte[16]);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(32, key.length);
        System.out.println("Argon2id (64 MiB, 3 passes) took " + millis + " ms");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
