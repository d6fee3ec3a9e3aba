package org.tokenbench.driver.safeid.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.Response;

/**
 * The single-profile SafeID / Token2-class command set (protocols.md §1): APDU builders, response parsing,
 * SM4 authentication cryptograms and CLA 84 MACs. Secret-bearing commands are built as secret APDUs so the
 * trace never shows them.
 */
final class SafeIdProtocol {

    /** Status words of this family are explained by the "safeid" diagnostics catalog. */
    static final String NAMESPACE = "safeid";
    /** The vendor's published SM4 key for the single-profile family (other vendors' keys differ). */
    static final byte[] VENDOR_KEY = HexFormat.of().parseHex("8AD206883CA369482AB27182B6E83224");
    static final int MAX_SEED_BYTES = 63;
    static final int CHALLENGE_BYTES = 8;

    record Info(String serial, Instant clock) {
    }

    private SafeIdProtocol() {
    }

    /** The two families this driver knows (protocols.md §1); what each can hold is in the driver's descriptor. */
    enum Family {
        SINGLE_PROFILE("single-profile"),
        MOLTO2("molto2");

        /** The family's id in the descriptor and in {@link org.tokenbench.core.driver.Match#family()}. */
        final String id;

        Family(String id) {
            this.id = id;
        }
    }

    /**
     * The tries left in a refused authentication, or empty when {@code sw} is no refusal. Token2's protocol document and
     * its molto2 tool give the count as {@code 63 0N}; ISO 7816-4 spells it {@code 63 CN}. Both are understood, so a
     * real token's refusal is never mistaken for an unknown failure.
     */
    static OptionalInt triesLeftAfterRefusal(int sw) {
        if ((sw & 0xFF00) != 0x6300) {
            return OptionalInt.empty();
        }
        int sw2 = sw & 0xFF;
        return OptionalInt.of((sw2 & 0xF0) == 0xC0 ? sw2 & 0x0F : sw2);
    }

    /** What the public data of one Molto2 profile says. */
    record ProfileState(int hmac, int step, int digits, boolean seedExists) {
    }

    static Apdu readInfo() {
        return Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE);
    }

    static Apdu readInfo(Family family) {
        return family == Family.MOLTO2 ? Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[0], 0) : readInfo();
    }

    /** Molto2 public data of a profile: 80 41 00 profile 01 70. */
    static Apdu publicData(int profile) {
        return Apdu.of(0x80, 0x41, 0x00, profile, new byte[] {0x70}, Apdu.NO_LE);
    }

    /** 95 { 70 { flag, tips[16], RTCTime[4], TimeCfg[4], OtpAlg, OtpStep, OtpLen, SeedExist } }. */
    static ProfileState parsePublicData(Response response) throws TokenException {
        check(response, "reading the profile's public data");
        byte[] d = response.data();
        if (d.length < 4 + 29 || (d[0] & 0xFF) != 0x95 || (d[2] & 0xFF) != 0x70) {
            throw new TokenException(ErrorCode.of(NAMESPACE, 0x6700), "the profile data is not the Molto2 95/70 structure");
        }
        int o = 4 + 1 + 16 + 4 + 4;
        return new ProfileState(d[o], d[o + 1], d[o + 2], d[o + 3] == 1);
    }

    /** Molto2: the SM4 key is the first 16 bytes of SHA-1(customer key); the caller wipes the result. */
    static byte[] molto2Key(byte[] customerKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(customerKey);
            byte[] key = Arrays.copyOf(digest, 16);
            Arrays.fill(digest, (byte) 0);
            return key;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    /** The factory customer key of Molto2 tokens, published by the vendor. */
    static final byte[] MOLTO2_FACTORY_CUSTOMER_KEY = "TOKEN2MOLTO1-KEY".getBytes(StandardCharsets.US_ASCII);

    /** 3-byte header, serial length N, N ASCII bytes, 2-byte separator, 4-byte big-endian UTC epoch. */
    static Info parseInfo(Response response) throws TokenException {
        check(response, "reading the serial number and clock");
        byte[] data = response.data();
        if (data.length < 4 || data.length < 4 + (data[3] & 0xFF) + 6) {
            throw new TokenException(ErrorCode.of(NAMESPACE, 0x6700), "the token's serial/clock answer is " + data.length
                    + " bytes, too short for its own length fields: not a SafeID-class token, or a damaged answer");
        }
        int n = data[3] & 0xFF;
        String serial = new String(data, 4, n, StandardCharsets.US_ASCII);
        long epoch = ByteBuffer.wrap(data, 4 + n + 2, 4).getInt() & 0xFFFF_FFFFL;
        return new Info(serial, Instant.ofEpochSecond(epoch));
    }

    static Apdu challenge() {
        return Apdu.of(0x80, 0x4B, 0x08, 0x00, new byte[0], 0);
    }

    /** SM4-ECB of the 8-byte challenge zero-padded to 16 bytes. */
    static Apdu authenticate(byte[] key, byte[] challenge) throws TokenException {
        if (challenge.length != CHALLENGE_BYTES) {
            throw new TokenException(ErrorCode.of(NAMESPACE, 0x6700), "the token's authentication challenge has " + challenge.length
                    + " bytes instead of " + CHALLENGE_BYTES + ": not answered, so no try is spent on it");
        }
        byte[] block = Arrays.copyOf(challenge, 16);
        byte[] cryptogram = ecb(key, block);
        Apdu apdu = Apdu.secret(0x80, 0xCE, 0x00, 0x00, cryptogram, Apdu.NO_LE);
        Arrays.fill(cryptogram, (byte) 0);
        return apdu;
    }

    /**
     * Configuration + MAC: 81 LL { 1F 01 display } { 0F 04 UTC } { 86 LL { 0A 01 hmac } [{ 0B 01 digits }] { 0D 01 step } }.
     * Single-profile tokens take it as 84 D4 00 00 without digits; Molto2 as 84 D4 01 profile with digits.
     *
     * @param digits the code length, or 0 for the single-profile form that has no digits field
     */
    static Apdu configure(byte[] key, int p1, int profile, int displayCode, Instant clock, int hmacCode, int digits, int stepSeconds) {
        int otpSettings = digits == 0 ? 6 : 9;
        ByteBuffer body = ByteBuffer.allocate(2 + 3 + 6 + 2 + otpSettings);
        body.put((byte) 0x81).put((byte) (3 + 6 + 2 + otpSettings));
        body.put((byte) 0x1F).put((byte) 0x01).put((byte) displayCode);
        body.put((byte) 0x0F).put((byte) 0x04).putInt((int) clock.getEpochSecond());
        body.put((byte) 0x86).put((byte) otpSettings);
        body.put((byte) 0x0A).put((byte) 0x01).put((byte) hmacCode);
        if (digits != 0) {
            body.put((byte) 0x0B).put((byte) 0x01).put((byte) digits);
        }
        body.put((byte) 0x0D).put((byte) 0x01).put((byte) stepSeconds);
        return secured(key, 0xD4, p1, profile, body.array(), false);
    }

    /** Molto2 clock-only sync: 81 06 { 0F 04 UTC }; the profiles and their seeds stay as they are. */
    static Apdu setClock(byte[] key, Instant clock) {
        ByteBuffer body = ByteBuffer.allocate(8);
        body.put((byte) 0x81).put((byte) 0x06).put((byte) 0x0F).put((byte) 0x04).putInt((int) clock.getEpochSecond());
        return secured(key, 0xD4, 0x01, 0x00, body.array(), false);
    }

    /** SM4-ECB(seed ‖ 80 00 …) + MAC; the plaintext copy is wiped here. */
    static Apdu writeSeed(byte[] key, byte[] seed, int profile) {
        byte[] padded = new byte[(seed.length / 16 + 1) * 16];
        System.arraycopy(seed, 0, padded, 0, seed.length);
        padded[seed.length] = (byte) 0x80;
        byte[] encrypted = ecb(key, padded);
        Arrays.fill(padded, (byte) 0);
        Apdu apdu = secured(key, 0xC5, 0x01, profile, encrypted, true);
        Arrays.fill(encrypted, (byte) 0);
        return apdu;
    }

    /**
     * CLA 84 with a MAC over 80 INS P1 P2 Lc' ‖ body, where Lc' excludes the MAC: padded with 80 00 … only when
     * not block-aligned, SM4-CBC with a zero IV, first 4 bytes of the last block.
     */
    static Apdu secured(byte[] key, int ins, int p1, int p2, byte[] body, boolean secret) {
        byte[] input = new byte[5 + body.length];
        input[0] = (byte) 0x80;
        input[1] = (byte) ins;
        input[2] = (byte) p1;
        input[3] = (byte) p2;
        input[4] = (byte) body.length;
        System.arraycopy(body, 0, input, 5, body.length);
        if (input.length % 16 != 0) {
            byte[] padded = Arrays.copyOf(input, (input.length / 16 + 1) * 16);
            padded[input.length] = (byte) 0x80;
            Arrays.fill(input, (byte) 0);
            input = padded;
        }
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] chain = new byte[16];
        for (int offset = 0; offset < input.length; offset += 16) {
            for (int i = 0; i < 16; i++) {
                chain[i] ^= input[offset + i];
            }
            sm4.processBlock(chain, 0, chain, 0);
        }
        Arrays.fill(input, (byte) 0);
        byte[] withMac = Arrays.copyOf(body, body.length + 4);
        System.arraycopy(chain, 0, withMac, body.length, 4);
        Apdu apdu = secret ? Apdu.secret(0x84, ins, p1, p2, withMac, Apdu.NO_LE) : Apdu.of(0x84, ins, p1, p2, withMac, Apdu.NO_LE);
        Arrays.fill(withMac, (byte) 0);
        return apdu;
    }

    static byte[] ecb(byte[] key, byte[] input) {
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[input.length];
        for (int offset = 0; offset < input.length; offset += 16) {
            sm4.processBlock(input, offset, out, offset);
        }
        return out;
    }

    static void check(Response response, String step) throws TokenException {
        if (!response.isSuccess()) {
            throw new TokenException(ErrorCode.of(NAMESPACE, response.sw()),
                    String.format("the token refused %s (status %04X)", step, response.sw()));
        }
    }
}
