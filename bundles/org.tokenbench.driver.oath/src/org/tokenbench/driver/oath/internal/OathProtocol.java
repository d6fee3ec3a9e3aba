package org.tokenbench.driver.oath.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.Response;

/**
 * The YKOATH applet's commands and answers (protocols.md §2, Yubico's "YKOATH protocol"): APDU builders, TLV parsing,
 * the key preparation of PUT and the access-key arithmetic of VALIDATE and SET CODE. No I/O: {@link OathSession} sends.
 */
final class OathProtocol {

    static final String NAMESPACE = "ykoath";
    static final byte[] AID = {(byte) 0xA0, 0x00, 0x00, 0x05, 0x27, 0x21, 0x01};

    static final int INS_PUT = 0x01;
    static final int INS_DELETE = 0x02;
    static final int INS_SET_CODE = 0x03;
    static final int INS_RESET = 0x04;
    static final int INS_RENAME = 0x05;
    static final int INS_LIST = 0xA1;
    static final int INS_CALCULATE = 0xA2;
    static final int INS_VALIDATE = 0xA3;
    static final int INS_CALCULATE_ALL = 0xA4;
    static final int INS_SEND_REMAINING = 0xA5;

    static final int TAG_NAME = 0x71;
    static final int TAG_NAME_LIST = 0x72;
    static final int TAG_KEY = 0x73;
    static final int TAG_CHALLENGE = 0x74;
    static final int TAG_RESPONSE = 0x75;
    static final int TAG_TRUNCATED = 0x76;
    static final int TAG_HOTP = 0x77;
    static final int TAG_PROPERTY = 0x78;
    static final int TAG_VERSION = 0x79;
    static final int TAG_IMF = 0x7A;
    static final int TAG_ALGORITHM = 0x7B;
    static final int TAG_TOUCH = 0x7C;

    static final int TYPE_HOTP = 0x10;
    static final int TYPE_TOTP = 0x20;
    static final int PROPERTY_INCREASING = 0x01;
    static final int PROPERTY_TOUCH = 0x02;

    static final int SW_OK = 0x9000;
    static final int SW_AUTH_REQUIRED = 0x6982;
    static final int SW_WRONG_RESPONSE = 0x6984;
    static final int DEFAULT_PERIOD = 30;
    static final int MAX_NAME_BYTES = 64;
    /** HMAC keys shorter than this are zero-padded by clients (the applet's minimum), as the spec says. */
    static final int MIN_KEY_BYTES = 14;

    /** ykoath:0x0001: the applet's answer to our half of the mutual challenge does not verify. */
    static final ErrorCode NOT_AUTHENTIC = ErrorCode.of(NAMESPACE, 0x0001);
    /** ykoath:0x0002: RENAME needs firmware 5.3 or newer. */
    static final ErrorCode RENAME_UNSUPPORTED = ErrorCode.of(NAMESPACE, 0x0002);
    /** ykoath:0x0003: the applet answered something that is not YKOATH. */
    static final ErrorCode MALFORMED = ErrorCode.of(NAMESPACE, 0x0003);
    /** ykoath:0x0004: a password is needed and none was given. */
    static final ErrorCode NO_PASSWORD = ErrorCode.of(NAMESPACE, 0x0004);

    /** ykoath:0x0005: a credential of that name exists and overwriting it was not confirmed. */
    static final ErrorCode KEPT = ErrorCode.of(NAMESPACE, 0x0005);

    private OathProtocol() {
    }

    /** What SELECT tells: firmware version, the salt the password is derived with, and a challenge when locked. */
    record Selected(int[] version, byte[] salt, Optional<byte[]> challenge) {

        String versionText() {
            return version[0] + "." + version[1] + "." + version[2];
        }

        boolean atLeast(int major, int minor, int patch) {
            return Arrays.compare(version, new int[] {major, minor, patch}) >= 0;
        }

        /** ykman's device id: Base64 of SHA-256(salt)[0..16], unpadded; it changes with RESET (new salt). */
        String deviceId() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(salt);
                return java.util.Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JRE has SHA-256", e);
            }
        }
    }

    record Tlv(int tag, byte[] value) {
    }

    static Apdu select() {
        return Apdu.of(0x00, 0xA4, 0x04, 0x00, AID, Apdu.NO_LE);
    }

    static Selected parseSelect(Response response) throws TokenException {
        require(response, "SELECT of the OATH applet");
        List<Tlv> tlvs = parse(response.data());
        byte[] version = find(tlvs, TAG_VERSION).orElseThrow(() -> malformed("SELECT carries no version"));
        byte[] salt = find(tlvs, TAG_NAME).orElseThrow(() -> malformed("SELECT carries no salt"));
        if (version.length < 3) {
            throw malformed("SELECT's version has " + version.length + " bytes");
        }
        return new Selected(new int[] {version[0] & 0xFF, version[1] & 0xFF, version[2] & 0xFF}, salt,
                find(tlvs, TAG_CHALLENGE));
    }

    static Apdu list() {
        return Apdu.of(0x00, INS_LIST, 0x00, 0x00);
    }

    /** LIST gives type and algorithm, never digits or touch: those come from CALCULATE ALL or a PUT's own record. */
    static List<CredentialStore.Credential> parseList(Response response) throws TokenException {
        require(response, "LIST");
        List<CredentialStore.Credential> credentials = new ArrayList<>();
        for (Tlv tlv : parse(response.data())) {
            if (tlv.tag() != TAG_NAME_LIST || tlv.value().length < 1) {
                throw malformed("LIST answered tag " + Integer.toHexString(tlv.tag()));
            }
            byte[] value = tlv.value();
            String name = new String(value, 1, value.length - 1, StandardCharsets.UTF_8);
            CredentialStore.Type type = (value[0] & 0xF0) == TYPE_HOTP ? CredentialStore.Type.HOTP : CredentialStore.Type.TOTP;
            credentials.add(new CredentialStore.Credential(name, type, algorithm(value[0] & 0x0F), 6, period(name, type), false));
        }
        return credentials;
    }

    /** The largest initial HOTP counter: the applet's IMF field holds 4 bytes. */
    static final long MAX_COUNTER = 0xFFFF_FFFFL;

    /** A HOTP counter the IMF field cannot hold is refused, not truncated to a counter the server does not expect. */
    static void checkCounter(CredentialStore.Credential credential, long counter) throws TokenException {
        if (credential.type() == CredentialStore.Type.HOTP && (counter < 0 || counter > MAX_COUNTER)) {
            throw new TokenException(ErrorCode.of(NAMESPACE, 0x6A80), "a YKOATH applet starts a HOTP counter at 0 to " + MAX_COUNTER
                    + " (32 bits), not " + counter + ": it would count from another value than the server");
        }
    }

    /**
     * PUT: the key is hashed when longer than the hash's block and zero-padded to 14 bytes (spec, "PUT"), so every
     * client stores the same HMAC key for the same otpauth secret.
     */
    static Apdu put(CredentialStore.Credential credential, byte[] rawKey, long counter, boolean increasingOnly) throws TokenException {
        checkCounter(credential, counter);
        byte[] name = name(credential.name());
        byte[] key = hmacKey(credential.algorithm(), rawKey);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            tlv(body, TAG_NAME, name);
            byte[] keyTlv = new byte[2 + key.length];
            keyTlv[0] = (byte) ((credential.type() == CredentialStore.Type.HOTP ? TYPE_HOTP : TYPE_TOTP) | algorithmCode(credential.algorithm()));
            keyTlv[1] = (byte) credential.digits();
            System.arraycopy(key, 0, keyTlv, 2, key.length);
            tlv(body, TAG_KEY, keyTlv);
            Arrays.fill(keyTlv, (byte) 0);
            int properties = (credential.requiresTouch() ? PROPERTY_TOUCH : 0) | (increasingOnly ? PROPERTY_INCREASING : 0);
            if (properties != 0) {
                // A property is a tag and a byte without length: the one TLV exception of the protocol.
                body.write(TAG_PROPERTY);
                body.write(properties);
            }
            if (credential.type() == CredentialStore.Type.HOTP && counter > 0) {
                tlv(body, TAG_IMF, ByteBuffer.allocate(4).putInt((int) counter).array());
            }
            byte[] bytes = body.toByteArray();
            try {
                if (bytes.length > 255) {
                    throw new TokenException(ErrorCode.of(NAMESPACE, 0x6A80), "the credential does not fit one command (name or key too long)");
                }
                return Apdu.secret(0x00, INS_PUT, 0x00, 0x00, bytes, Apdu.NO_LE);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
            // ByteArrayOutputStream keeps its own buffer: overwrite it through reset + same-size zero write.
            int written = body.size();
            body.reset();
            body.writeBytes(new byte[written]);
        }
    }

    static byte[] hmacKey(HashAlgorithm algorithm, byte[] rawKey) {
        String hash = switch (algorithm) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA512 -> "SHA-512";
            case SM3 -> throw new IllegalArgumentException("YKOATH has no SM3");
        };
        int block = algorithm == HashAlgorithm.SHA512 ? 128 : 64;
        byte[] key;
        if (rawKey.length > block) {
            try {
                key = MessageDigest.getInstance(hash).digest(rawKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JRE has " + hash, e);
            }
        } else {
            key = rawKey.clone();
        }
        if (key.length < MIN_KEY_BYTES) {
            byte[] padded = Arrays.copyOf(key, MIN_KEY_BYTES);
            Arrays.fill(key, (byte) 0);
            key = padded;
        }
        return key;
    }

    static Apdu delete(String name) throws TokenException {
        return Apdu.of(0x00, INS_DELETE, 0x00, 0x00, tlv(TAG_NAME, name(name)), Apdu.NO_LE);
    }

    static Apdu rename(String name, String newName) throws TokenException {
        byte[] body = concat(tlv(TAG_NAME, name(name)), tlv(TAG_NAME, name(newName)));
        return Apdu.of(0x00, INS_RENAME, 0x00, 0x00, body, Apdu.NO_LE);
    }

    /** CALCULATE with P2 = 01: the truncated code (digits byte + 4 bytes). */
    static Apdu calculate(String name, byte[] challenge) throws TokenException {
        return Apdu.of(0x00, INS_CALCULATE, 0x00, 0x01, concat(tlv(TAG_NAME, name(name)), tlv(TAG_CHALLENGE, challenge)), Apdu.NO_LE);
    }

    static Apdu calculateAll(byte[] challenge) {
        return Apdu.of(0x00, INS_CALCULATE_ALL, 0x00, 0x01, tlv(TAG_CHALLENGE, challenge), Apdu.NO_LE);
    }

    static Apdu reset() {
        return Apdu.of(0x00, INS_RESET, 0xDE, 0xAD);
    }

    /** The TOTP challenge: the time step as an 8-byte big-endian number. */
    static byte[] timeChallenge(long epochSeconds, int period) {
        return ByteBuffer.allocate(8).putLong(Math.floorDiv(epochSeconds, period)).array();
    }

    /** A truncated answer (digits, 4 bytes) as the code a user types. */
    static String code(byte[] truncated) throws TokenException {
        if (truncated.length != 5) {
            throw malformed("a truncated answer has 5 bytes, this one " + truncated.length);
        }
        int digits = truncated[0] & 0xFF;
        // The card chooses the digit count: 6 (RFC 4226's minimum) to 10 (all of the 31-bit value) or it is malformed.
        if (digits < 6 || digits > 10) {
            throw malformed("a truncated answer asks for " + digits + " digits");
        }
        long value = ByteBuffer.wrap(truncated, 1, 4).getInt() & 0x7FFF_FFFFL;
        long modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        return String.format("%0" + digits + "d", value % modulus);
    }

    /** The access key: PBKDF2-HMAC-SHA1(password, salt, 1000, 16), the derivation every YKOATH client uses. */
    static byte[] accessKey(byte[] password, byte[] salt) {
        // PBKDF2 by hand over HMAC-SHA1 (one 20-byte block covers 16 bytes): javax.crypto's PBEKeySpec wants chars and
        // would re-encode the password, losing the exact bytes the user's other clients derive from.
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA1"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] t = u.clone();
            for (int i = 1; i < 1000; i++) {
                byte[] next = mac.doFinal(u);
                Arrays.fill(u, (byte) 0);
                u = next;
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            Arrays.fill(u, (byte) 0);
            byte[] key = Arrays.copyOf(t, 16);
            Arrays.fill(t, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA1", e);
        }
    }

    static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA1", e);
        }
    }

    /** VALIDATE: our response to the card's challenge, and our own challenge the card must answer. */
    static Apdu validate(byte[] response, byte[] ourChallenge) {
        return Apdu.secret(0x00, INS_VALIDATE, 0x00, 0x00, concat(tlv(TAG_RESPONSE, response), tlv(TAG_CHALLENGE, ourChallenge)), Apdu.NO_LE);
    }

    /** SET CODE with a new access key, proven by answering our own challenge with it. */
    static Apdu setCode(byte[] accessKey, byte[] challenge) {
        byte[] keyTlv = new byte[1 + accessKey.length];
        keyTlv[0] = (byte) (TYPE_TOTP | 0x01);
        System.arraycopy(accessKey, 0, keyTlv, 1, accessKey.length);
        byte[] response = hmacSha1(accessKey, challenge);
        byte[] body = concat(tlv(TAG_KEY, keyTlv), tlv(TAG_CHALLENGE, challenge), tlv(TAG_RESPONSE, response));
        try {
            return Apdu.secret(0x00, INS_SET_CODE, 0x00, 0x00, body, Apdu.NO_LE);
        } finally {
            Arrays.fill(keyTlv, (byte) 0);
            Arrays.fill(body, (byte) 0);
        }
    }

    /** SET CODE with an empty key TLV: removes the password. */
    static Apdu clearCode() {
        return Apdu.of(0x00, INS_SET_CODE, 0x00, 0x00, new byte[] {TAG_KEY, 0x00}, Apdu.NO_LE);
    }

    static int period(String name, CredentialStore.Type type) {
        if (type == CredentialStore.Type.HOTP) {
            return 0;
        }
        int slash = name.indexOf('/');
        if (slash > 0) {
            try {
                return Integer.parseInt(name.substring(0, slash));
            } catch (NumberFormatException notAPeriod) {
                return DEFAULT_PERIOD;
            }
        }
        return DEFAULT_PERIOD;
    }

    /** The name as stored: {@code period/issuer:account}, the period only when it is not 30 s (ykman does the same). */
    static String storedName(String issuerAndAccount, CredentialStore.Type type, int period) {
        return type == CredentialStore.Type.TOTP && period != DEFAULT_PERIOD ? period + "/" + issuerAndAccount : issuerAndAccount;
    }

    static HashAlgorithm algorithm(int code) throws TokenException {
        return switch (code) {
            case 0x01 -> HashAlgorithm.SHA1;
            case 0x02 -> HashAlgorithm.SHA256;
            case 0x03 -> HashAlgorithm.SHA512;
            default -> throw malformed("unknown algorithm " + code);
        };
    }

    static int algorithmCode(HashAlgorithm algorithm) throws TokenException {
        return switch (algorithm) {
            case SHA1 -> 0x01;
            case SHA256 -> 0x02;
            case SHA512 -> 0x03;
            case SM3 -> throw new TokenException(ErrorCode.of(NAMESPACE, 0x6A80), "YKOATH applets compute HMAC-SHA1/256/512 only, not SM3");
        };
    }

    static byte[] name(String name) throws TokenException {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_NAME_BYTES) {
            throw new TokenException(ErrorCode.of(NAMESPACE, 0x6A80),
                    "a credential name has 1 to " + MAX_NAME_BYTES + " bytes in UTF-8; '" + name + "' has " + bytes.length);
        }
        return bytes;
    }

    static void require(Response response, String what) throws TokenException {
        if (response.sw() != SW_OK) {
            throw new TokenException(ErrorCode.of(NAMESPACE, response.sw()), what + " was refused (" + String.format("%04X", response.sw()) + ")");
        }
    }

    static List<Tlv> parse(byte[] data) throws TokenException {
        List<Tlv> tlvs = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            if (at + 2 > data.length) {
                throw malformed("a TLV is cut short");
            }
            int tag = data[at] & 0xFF;
            int length = data[at + 1] & 0xFF;
            if (at + 2 + length > data.length) {
                throw malformed("a TLV of tag " + Integer.toHexString(tag) + " runs past the answer");
            }
            tlvs.add(new Tlv(tag, Arrays.copyOfRange(data, at + 2, at + 2 + length)));
            at += 2 + length;
        }
        return tlvs;
    }

    static Optional<byte[]> find(List<Tlv> tlvs, int tag) {
        return tlvs.stream().filter(t -> t.tag() == tag).map(Tlv::value).findFirst();
    }

    static byte[] tlv(int tag, byte[] value) {
        byte[] out = new byte[2 + value.length];
        out[0] = (byte) tag;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length);
        out.writeBytes(value);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static TokenException malformed(String what) {
        return new TokenException(MALFORMED, "the OATH applet's answer is not YKOATH: " + what);
    }
}
