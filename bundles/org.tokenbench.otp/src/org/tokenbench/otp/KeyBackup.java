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
import org.tokenbench.core.Chars;
import org.tokenbench.core.Secret;

/**
 * The encrypted key backup of seed 002 ("back the key up encrypted"): the otpauth URI sealed with AES-256-GCM under
 * a key derived from a passphrase with scrypt. The file is text, so it can be stored or printed; its header (format,
 * KDF parameters, salt, nonce) is authenticated with the data, so changing either is detected. Opening with a wrong
 * passphrase and opening a changed file fail the same way, as they must.
 * <p>
 * Version 2 (written now) uses N=2^17, r=8, p=1 (128 MB, about half a second: offline guessing costs the same per try)
 * with the parameters in the header, read back within bounds so a crafted file cannot make the reader allocate
 * gigabytes; passphrases are trimmed and NFC-normalised, so "é" typed as one or two code points opens the same backup
 * from the CLI and the workbench. Version 1 files (N=2^15, passphrase as given) still open.
 */
public final class KeyBackup {

    static final String MAGIC_V1 = "TokenBench key backup v1";
    static final String MAGIC = "TokenBench key backup v2";
    private static final String KDF_V1 = "scrypt N=" + (1 << 15) + " r=8 p=1";
    private static final Scrypt WRITTEN = new Scrypt(1 << 17, 8, 1);
    /** What a file may ask for: the memory is r x N x 128 bytes; twice what TokenBench writes (256 MB) is the ceiling. */
    private static final long MAX_SCRYPT_BYTES = 1L << 28;
    public static final int MIN_PASSPHRASE = 12;

    /** scrypt's cost parameters, as the header names them. */
    record Scrypt(int n, int r, int p) {
        String describe() {
            return "scrypt N=" + n + " r=" + r + " p=" + p;
        }

        static Scrypt parse(String kdf) throws OtpException {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("scrypt N=([0-9]{1,8}) r=([0-9]{1,2}) p=([0-9])").matcher(kdf);
            if (!m.matches()) {
                throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup names an unknown key derivation");
            }
            Scrypt scrypt = new Scrypt(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            boolean powerOfTwo = Integer.bitCount(scrypt.n) == 1;
            if (!powerOfTwo || scrypt.n < (1 << 14) || scrypt.r < 1 || scrypt.p < 1 || scrypt.p > 4
                    || 128L * scrypt.n * scrypt.r > MAX_SCRYPT_BYTES) {
                throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup asks for scrypt parameters outside what TokenBench "
                        + "accepts (" + scrypt.describe() + ")");
            }
            return scrypt;
        }
    }

    private KeyBackup() {
    }

    /** Seals {@code account}'s URI; wipes every intermediate buffer. */
    public static String seal(OtpAccount account, char[] passphrase) throws OtpException {
        return seal(account.params(), account.secret(), passphrase);
    }

    /** For callers holding the key as a {@link Secret} and its parameters. */
    public static String seal(OtpParams params, Secret secret, char[] passphrase) throws OtpException {
        char[] normalized = normalized(passphrase);
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        String header = MAGIC + "\nkdf=" + WRITTEN.describe() + "\nsalt=" + b64(salt) + "\nnonce=" + b64(nonce) + "\n";
        char[] uri = OtpAuthUri.format(params, secret).toCharArray();
        byte[] plain = utf8(uri);
        byte[] key;
        try {
            checkPassphrase(normalized);
            key = derive(normalized, salt, WRITTEN);
        } finally {
            Arrays.fill(normalized, '\0');
        }
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
        boolean v1 = lines.length > 0 && lines[0].equals(MAGIC_V1);
        if (lines.length < 5 || !(v1 || lines[0].equals(MAGIC))) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the file does not start with \"" + MAGIC + "\" (or v1)");
        }
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        if (!fields.containsKey("kdf") || !fields.containsKey("salt") || !fields.containsKey("nonce") || !fields.containsKey("data")
                || (v1 && !KDF_V1.equals(fields.get("kdf")))) {
            throw new OtpException(OtpProblem.BACKUP_MALFORMED, "the backup lacks a field or uses unknown parameters");
        }
        Scrypt scrypt = Scrypt.parse(fields.get("kdf"));
        // The header as written, rebuilt from the fields: any other spelling fails authentication, as a change must.
        String header = lines[0] + "\nkdf=" + scrypt.describe() + "\nsalt=" + fields.get("salt") + "\nnonce=" + fields.get("nonce") + "\n";
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
        char[] given = v1 ? passphrase.clone() : normalized(passphrase);
        byte[] key;
        try {
            key = derive(given, salt, scrypt);
        } finally {
            Arrays.fill(given, '\0');
        }
        byte[] plain = null;
        char[] uri = null;
        try {
            plain = gcm(Cipher.DECRYPT_MODE, key, nonce, header).doFinal(sealed);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            uri = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return OtpAuthUri.parse(CharBuffer.wrap(uri));
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

    /**
     * Trimmed and in Unicode NFC, so the same passphrase typed on any keyboard or pasted from any source opens the
     * backup. ASCII is already NFC; only other text goes through the JDK's normaliser (which needs a String).
     */
    static char[] normalized(char[] passphrase) {
        CharBuffer stripped = Chars.strip(passphrase);
        char[] trimmed = new char[stripped.remaining()];
        stripped.get(trimmed);
        for (char c : trimmed) {
            if (c > 0x7F) {
                char[] nfc = java.text.Normalizer.normalize(CharBuffer.wrap(trimmed), java.text.Normalizer.Form.NFC).toCharArray();
                Arrays.fill(trimmed, '\0');
                return nfc;
            }
        }
        return trimmed;
    }

    private static void checkPassphrase(char[] passphrase) throws OtpException {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new OtpException(OtpProblem.WEAK_PASSPHRASE, "the passphrase has " + passphrase.length + " characters; at least "
                    + MIN_PASSPHRASE + " are needed");
        }
    }

    private static byte[] derive(char[] passphrase, byte[] salt, Scrypt scrypt) {
        byte[] bytes = utf8(passphrase);
        try {
            return SCrypt.generate(bytes, salt, scrypt.n(), scrypt.r(), scrypt.p(), 32);
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
