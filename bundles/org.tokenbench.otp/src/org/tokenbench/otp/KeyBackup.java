package org.tokenbench.otp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.SCrypt;
import org.tokenbench.core.Secret;

/**
 * The encrypted key backup of seed 002 ("back the key up encrypted"): the otpauth URI sealed with AES-256-GCM under
 * a key derived from a passphrase with scrypt (N=2^15, r=8, p=1). The file is text, so it can be stored or
 * printed; its header (format and KDF parameters) is authenticated with the data, so changing either is
 * detected. Opening with a wrong passphrase and opening a changed file fail the same way, as they must.
 */
public final class KeyBackup {

    static final String MAGIC = "TokenBench key backup v1";
    private static final int N = 1 << 15;
    private static final int R = 8;
    private static final int P = 1;
    private static final String KDF = "scrypt N=" + N + " r=" + R + " p=" + P;
    public static final int MIN_PASSPHRASE = 12;

    private KeyBackup() {
    }

    /** Seals {@code account}'s URI; wipes every intermediate buffer. */
    public static String seal(OtpAccount account, char[] passphrase) throws OtpException {
        return seal(account.params(), account.secret(), passphrase);
    }

    /** For callers holding the key as a {@link Secret} and its parameters. */
    public static String seal(OtpParams params, Secret secret, char[] passphrase) throws OtpException {
        checkPassphrase(passphrase);
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        String header = header(b64(salt), b64(nonce));
        char[] uri = OtpAuthUri.format(params, secret).toCharArray();
        byte[] plain = utf8(uri);
        byte[] key = derive(passphrase, salt);
        try {
            return header + "data=" + b64(gcm(Cipher.ENCRYPT_MODE, key, nonce, header).doFinal(plain)) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(uri, '\0');
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Opens a backup; the account it returns holds the key (close it). */
    public static OtpAccount open(String backup, char[] passphrase) throws OtpException {
        Map<String, String> fields = new HashMap<>();
        String[] lines = backup.replace("\r", "").split("\n");
        if (lines.length < 5 || !lines[0].equals(MAGIC)) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the file does not start with \"" + MAGIC + "\"");
        }
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        if (!KDF.equals(fields.get("kdf")) || !fields.containsKey("salt") || !fields.containsKey("nonce") || !fields.containsKey("data")) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup lacks a field or uses unknown parameters");
        }
        String header = header(fields.get("salt"), fields.get("nonce"));
        byte[] salt;
        byte[] nonce;
        byte[] sealed;
        try {
            salt = Base64.getDecoder().decode(fields.get("salt"));
            nonce = Base64.getDecoder().decode(fields.get("nonce"));
            sealed = Base64.getDecoder().decode(fields.get("data"));
        } catch (IllegalArgumentException e) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup's Base64 is damaged");
        }
        if (salt.length != 16 || nonce.length != 12 || sealed.length < 17) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup's salt, nonce or data has the wrong length");
        }
        byte[] key = derive(passphrase, salt);
        byte[] plain = null;
        char[] uri = null;
        try {
            plain = gcm(Cipher.DECRYPT_MODE, key, nonce, header).doFinal(sealed);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            uri = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return OtpAuthUri.parse(new String(uri));
        } catch (AEADBadTagException e) {
            throw new OtpException(OtpProblem.BACKUP_NOT_OPENED, "the passphrase does not open this backup, or the backup was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
            if (uri != null) {
                Arrays.fill(uri, '\0');
            }
        }
    }

    /** AES-256-GCM with a 128-bit tag, the header as associated data. */
    private static Cipher gcm(int mode, byte[] key, byte[] nonce, String header) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        return gcm;
    }

    /** The authenticated header: format, KDF parameters, salt and nonce (Base64), one per line. */
    private static String header(String salt, String nonce) {
        return MAGIC + "\nkdf=" + KDF + "\nsalt=" + salt + "\nnonce=" + nonce + "\n";
    }

    private static void checkPassphrase(char[] passphrase) throws OtpException {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new OtpException(OtpProblem.WEAK_PASSPHRASE, "the passphrase has " + passphrase.length + " characters; at least "
                    + MIN_PASSPHRASE + " are needed");
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt) {
        byte[] bytes = utf8(passphrase);
        try {
            return SCrypt.generate(bytes, salt, N, R, P, 32);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
