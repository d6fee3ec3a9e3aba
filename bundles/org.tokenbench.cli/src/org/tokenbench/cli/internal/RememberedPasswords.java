package org.tokenbench.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.Secret;
import org.tokenbench.core.StateFile;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;

/**
 * Device passwords (YKOATH applets) remembered per device in the user's state, encrypted: AES-256-GCM with the device id
 * as associated data, under a random key kept in a separate file. Both files are readable by the user only. This keeps
 * the passwords out of a state file that is copied, synced or attached to a bug report on its own; it does not protect
 * them from programs running as the user (an OS keyring would not either, once unlocked) — see docs/oath.md.
 */
final class RememberedPasswords {

    static final String FILE = "device-passwords.properties";
    static final String KEY_FILE = "device-passwords.key";
    private static final ErrorCode STATE_UNWRITABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0B);

    private final Path directory;
    /**
     * Read freely; changed under the record's file lock, where the key is also created, so two commands remembering at
     * once neither lose an entry nor make two keys (the second would leave the first one's entry undecryptable).
     */
    private final StateFile entries;
    private final SecureRandom random = new SecureRandom();

    RememberedPasswords(Path directory) {
        this.directory = directory;
        this.entries = new StateFile(directory.resolve(FILE),
                "Device passwords, AES-256-GCM under " + KEY_FILE + " (tokenbench oath password --forget removes one)");
    }

    static RememberedPasswords inHome() {
        return new RememberedPasswords(TokenBenchHome.directory());
    }

    Optional<Secret> recall(String deviceId) throws TokenException {
        String sealed = entries.read().getProperty(deviceId);
        Path keyFile = directory.resolve(KEY_FILE);
        if (sealed == null || !Files.isReadable(keyFile)) {
            return Optional.empty();
        }
        byte[] key = read(keyFile);
        try {
            byte[] box = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, box, 0, 12));
            cipher.updateAAD(deviceId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(Secret.adopt(cipher.doFinal(box, 12, box.length - 12)));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            // A changed key file or entry: as if nothing were remembered; the user is asked instead.
            return Optional.empty();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    void remember(String deviceId, Secret password) throws TokenException {
        TokenException[] failure = new TokenException[1];
        entries.update(properties -> {
            try {
                properties.setProperty(deviceId, seal(deviceId, password));
                return true;
            } catch (TokenException e) {
                failure[0] = e;
                return false;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private String seal(String deviceId, Secret password) throws TokenException {
        byte[] key = keyCreatedIfMissing();
        byte[] plain = password.copyBytes();
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(deviceId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] box = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, box, 0, 12);
            System.arraycopy(sealed, 0, box, 12, sealed.length);
            return Base64.getEncoder().encodeToString(box);
        } catch (java.security.InvalidKeyException e) {
            throw new TokenException(STATE_UNWRITABLE, directory.resolve(KEY_FILE) + " is damaged (not a 256-bit key); remove it and "
                    + "remember the passwords again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has AES-GCM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** @return whether a password was remembered for the device */
    boolean forget(String deviceId) throws TokenException {
        boolean[] removed = new boolean[1];
        entries.update(properties -> removed[0] = properties.remove(deviceId) != null);
        return removed[0];
    }

    /** Only under the record's lock. */
    private byte[] keyCreatedIfMissing() throws TokenException {
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.isReadable(keyFile)) {
            return read(keyFile);
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        createDirectory();
        PrivateFiles.write(keyFile, key);
        return key;
    }

    private static byte[] read(Path file) throws TokenException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TokenException(STATE_UNWRITABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void createDirectory() throws TokenException {
        try {
            PrivateFiles.privateDirectory(directory);
        } catch (IOException e) {
            throw new TokenException(STATE_UNWRITABLE, directory + ": cannot be created (" + e.getMessage() + ")", e);
        }
    }
}
