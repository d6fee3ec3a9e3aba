package org.tokenbench.seedfiles.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tokenbench.core.Secret;

/**
 * The XML Encryption and XML Signature algorithms PSKC uses (RFC 6030 sections 6.1, 6.2; W3C xmlenc): AES-CBC with the
 * IV in front of the ciphertext and xmlenc's padding (last byte = pad length), HMAC over the whole cipher value, PBKDF2.
 * Every intermediate buffer holding key or seed bytes is wiped here.
 */
public final class XmlEncryption {

    public static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    public static final String AES192_CBC = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
    public static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    public static final String HMAC_SHA1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";
    public static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    public static final String PBKDF2 = "http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2";

    private static final Map<String, Integer> AES_KEY_BYTES = Map.of(AES128_CBC, 16, AES192_CBC, 24, AES256_CBC, 32);
    private static final Map<String, String> HMACS = Map.of(HMAC_SHA1, "HmacSHA1",
            "http://www.w3.org/2001/04/xmldsig-more#hmac-sha224", "HmacSHA224", HMAC_SHA256, "HmacSHA256",
            "http://www.w3.org/2001/04/xmldsig-more#hmac-sha384", "HmacSHA384",
            "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512", "HmacSHA512");
    private static final int BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private XmlEncryption() {
    }

    /** The AES key length an xmlenc algorithm URI needs, empty for algorithms TokenBench does not accept. */
    public static Optional<Integer> aesKeyBytes(String algorithm) {
        return Optional.ofNullable(AES_KEY_BYTES.get(algorithm));
    }

    public static String aesAlgorithmFor(int keyBytes) {
        return switch (keyBytes) {
            case 16 -> AES128_CBC;
            case 24 -> AES192_CBC;
            case 32 -> AES256_CBC;
            default -> throw new IllegalArgumentException("AES keys have 16, 24 or 32 bytes, not " + keyBytes);
        };
    }

    public static boolean isKnownMac(String algorithm) {
        return HMACS.containsKey(algorithm);
    }

    /** Decrypts IV ‖ ciphertext; empty when the padding is wrong (a wrong key, most likely). */
    public static Optional<Secret> decrypt(Secret key, byte[] ivAndCiphertext) {
        if (ivAndCiphertext.length < 2 * BLOCK || ivAndCiphertext.length % BLOCK != 0) {
            return Optional.empty();
        }
        byte[] plain = key.apply(k -> {
            try {
                Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
                aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(ivAndCiphertext, 0, BLOCK));
                return aes.doFinal(ivAndCiphertext, BLOCK, ivAndCiphertext.length - BLOCK);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC is not available", e);
            }
        });
        try {
            int pad = plain[plain.length - 1] & 0xFF;
            if (pad < 1 || pad > BLOCK) {
                return Optional.empty();
            }
            return Optional.of(Secret.copyOf(plain, 0, plain.length - pad));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** IV ‖ AES-CBC(value with PKCS#7 padding, which is valid xmlenc padding), under a fresh random IV. */
    public static byte[] encrypt(Secret key, Secret value) {
        byte[] iv = new byte[BLOCK];
        RANDOM.nextBytes(iv);
        return key.apply(k -> value.apply(v -> {
            try {
                Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(iv));
                byte[] body = aes.doFinal(v);
                byte[] out = Arrays.copyOf(iv, BLOCK + body.length);
                System.arraycopy(body, 0, out, BLOCK, body.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC is not available", e);
            }
        }));
    }

    public static byte[] mac(String algorithm, Secret macKey, byte[] data) {
        String name = HMACS.get(algorithm);
        if (name == null) {
            throw new IllegalArgumentException("unknown MAC algorithm " + algorithm);
        }
        return macKey.apply(k -> {
            try {
                Mac mac = Mac.getInstance(name);
                mac.init(new SecretKeySpec(k, name));
                return mac.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " is not available", e);
            }
        });
    }

    /** Constant-time, so a forged file learns nothing from how long the check took. */
    public static boolean macMatches(String algorithm, Secret macKey, byte[] data, byte[] expected) {
        return MessageDigest.isEqual(mac(algorithm, macKey, data), expected);
    }

    /**
     * PBKDF2 (PKCS #5 v2.0) with the PRF the file names (HMAC-SHA1 when it names none, as PKCS #5 says).
     *
     * @param prf an HMAC algorithm URI, or empty
     */
    public static Secret pbkdf2(Secret password, byte[] salt, int iterations, int keyBytes, String prf) {
        Digest digest = switch (prf.isEmpty() ? HMAC_SHA1 : prf) {
            case HMAC_SHA1 -> new SHA1Digest();
            case HMAC_SHA256 -> new SHA256Digest();
            case "http://www.w3.org/2001/04/xmldsig-more#hmac-sha384" -> new SHA384Digest();
            case "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512" -> new SHA512Digest();
            default -> throw new IllegalArgumentException("PBKDF2 with " + prf.toLowerCase(Locale.ROOT) + " is not supported");
        };
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        // The generator keeps the array it is given: give it a copy and wipe that afterwards.
        byte[] copy = password.copyBytes();
        try {
            generator.init(copy, salt, iterations);
            KeyParameter derived = (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
            return Secret.adopt(derived.getKey());
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    public static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
