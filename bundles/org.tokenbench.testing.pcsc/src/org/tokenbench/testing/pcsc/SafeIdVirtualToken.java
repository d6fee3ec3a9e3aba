package org.tokenbench.testing.pcsc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A single-profile SafeID / Token2-class programmable TOTP token (protocols.md §1), written from the
 * protocol description and independently of TokenBench's driver: SM4 challenge-response authentication with
 * a try counter that locks, CLA 84 commands checked by their SM4-CBC MAC, configuration that sets the clock
 * (and, like some firmware, clears the seed), and a write-only seed from which it computes what its display
 * would show.
 */
public final class SafeIdVirtualToken implements VirtualCard {

    /** The vendor key published for this family. */
    public static final byte[] VENDOR_KEY = HexFormat.of().parseHex("8AD206883CA369482AB27182B6E83224");
    public static final int INITIAL_TRIES = 10;
    /** A minimal valid T=1 ATR: the family is recognised by its answers, not by its ATR. */
    private static final byte[] ATR = HexFormat.of().parseHex("3B80800101");

    private final byte[] key;
    private final String serial;
    private final LongSupplier pcClock;
    private final SecureRandom random = new SecureRandom();
    private long clockOffsetSeconds;
    private int triesLeft = INITIAL_TRIES;
    private byte[] challenge;
    private boolean authenticated;
    private byte[] seed;
    private int hmac = 1;
    private int stepSeconds = 30;
    private int display;

    public SafeIdVirtualToken(byte[] key, String serial, long clockOffsetSeconds, LongSupplier pcClock) {
        this.key = key.clone();
        this.serial = serial;
        this.clockOffsetSeconds = clockOffsetSeconds;
        this.pcClock = pcClock;
    }

    public static SafeIdVirtualToken factoryNew(String serial) {
        return new SafeIdVirtualToken(VENDOR_KEY, serial, 0, () -> System.currentTimeMillis() / 1000);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void powerOff() {
        authenticated = false;
        challenge = null;
    }

    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** Test set-up: a token that already lost some tries. */
    public synchronized void setTriesLeft(int tries) {
        triesLeft = tries;
    }

    public synchronized boolean hasSeed() {
        return seed != null;
    }

    public synchronized long tokenTime() {
        return pcClock.getAsLong() + clockOffsetSeconds;
    }

    /** The 6-digit code the display shows now, or null when no seed is programmed. */
    public synchronized String displayedCode() {
        if (seed == null) {
            return null;
        }
        try {
            String algorithm = hmac == 2 ? "HmacSHA256" : "HmacSHA1";
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(seed, algorithm));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(Math.floorDiv(tokenTime(), stepSeconds)).array());
            int o = h[h.length - 1] & 0x0F;
            int value = ((h[o] & 0x7F) << 24 | (h[o + 1] & 0xFF) << 16 | (h[o + 2] & 0xFF) << 8 | (h[o + 3] & 0xFF)) % 1_000_000;
            return String.format("%06d", value);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized int stepSeconds() {
        return stepSeconds;
    }

    public synchronized int hmacAlgorithm() {
        return hmac;
    }

    @Override
    public synchronized byte[] process(byte[] apdu) {
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        byte[] data = apdu.length > 5 ? Arrays.copyOfRange(apdu, 5, 5 + (apdu[4] & 0xFF)) : new byte[0];
        if (apdu.length > 5 && data.length != (apdu[4] & 0xFF)) {
            return sw(0x6700);
        }
        if (cla == 0x80) {
            return switch (ins) {
                case 0x41 -> info();
                case 0x4B -> newChallenge();
                case 0xCE -> authenticate(data);
                default -> sw(0x6D00);
            };
        }
        if (cla == 0x84) {
            if (!authenticated) {
                return sw(0x6982);
            }
            if (data.length < 5 || !macValid(apdu, data)) {
                return sw(0x6988);
            }
            byte[] body = Arrays.copyOf(data, data.length - 4);
            return switch (ins) {
                case 0xD4 -> configure(body);
                case 0xC5 -> writeSeed(body);
                default -> sw(0x6D00);
            };
        }
        return sw(0x6E00);
    }

    private byte[] info() {
        byte[] name = serial.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(3 + 1 + name.length + 2 + 4 + 2);
        out.put(new byte[] {0x02, 0x11, 0x00}).put((byte) name.length).put(name).put(new byte[] {0x00, 0x00});
        out.putInt((int) tokenTime());
        out.putShort((short) 0x9000);
        return out.array();
    }

    private byte[] newChallenge() {
        challenge = new byte[8];
        random.nextBytes(challenge);
        byte[] out = Arrays.copyOf(challenge, 10);
        out[8] = (byte) 0x90;
        return out;
    }

    private byte[] authenticate(byte[] cryptogram) {
        if (triesLeft == 0) {
            return sw(0x6983);
        }
        if (challenge == null || cryptogram.length != 16) {
            return sw(0x6985);
        }
        byte[] expected = ecb(true, Arrays.copyOf(challenge, 16));
        challenge = null;
        if (MessageDigest.isEqual(expected, cryptogram)) {
            authenticated = true;
            return sw(0x9000);
        }
        triesLeft--;
        return sw(0x63C0 | triesLeft);
    }

    private byte[] configure(byte[] body) {
        // 81 LL { 1F 01 display } { 0F 04 utc } { 86 LL { 0A 01 hmac } { 0D 01 step } }
        if (body.length < 2 || body[0] != (byte) 0x81) {
            return sw(0x6A80);
        }
        int i = 2;
        while (i + 1 < body.length) {
            int tag = body[i] & 0xFF;
            int length = body[i + 1] & 0xFF;
            if (tag == 0x86) {
                i += 2;
                continue;
            }
            if (i + 2 + length > body.length) {
                return sw(0x6A80);
            }
            byte[] value = Arrays.copyOfRange(body, i + 2, i + 2 + length);
            switch (tag) {
                case 0x1F -> display = value[0];
                case 0x0F -> clockOffsetSeconds = (ByteBuffer.wrap(value).getInt() & 0xFFFFFFFFL) - pcClock.getAsLong();
                case 0x0A -> {
                    if (value[0] != 1 && value[0] != 2) {
                        return sw(0x6A80);
                    }
                    hmac = value[0];
                }
                case 0x0D -> {
                    if (value[0] != 0x1E && value[0] != 0x3C) {
                        return sw(0x6A80);
                    }
                    stepSeconds = value[0];
                }
                default -> {
                    return sw(0x6A80);
                }
            }
            i += 2 + length;
        }
        seed = null; // like the firmware that forgets its seed when the clock is set: the seed must come last
        return sw(0x9000);
    }

    private byte[] writeSeed(byte[] encrypted) {
        if (encrypted.length == 0 || encrypted.length % 16 != 0) {
            return sw(0x6700);
        }
        byte[] plain = ecb(false, encrypted);
        int end = plain.length - 1;
        while (end >= 0 && plain[end] == 0) {
            end--;
        }
        if (end < 1 || plain[end] != (byte) 0x80 || end > 63) {
            Arrays.fill(plain, (byte) 0);
            return sw(0x6A80);
        }
        if (seed != null) {
            Arrays.fill(seed, (byte) 0);
        }
        seed = Arrays.copyOf(plain, end);
        Arrays.fill(plain, (byte) 0);
        return sw(0x9000);
    }

    /** MAC over 80 INS P1 P2 Lc' ‖ body (Lc' without the MAC), 80-padded when unaligned, SM4-CBC, zero IV. */
    private boolean macValid(byte[] apdu, byte[] data) {
        int bodyLength = data.length - 4;
        byte[] input = new byte[5 + bodyLength];
        input[0] = (byte) 0x80;
        System.arraycopy(apdu, 1, input, 1, 3);
        input[4] = (byte) bodyLength;
        System.arraycopy(data, 0, input, 5, bodyLength);
        if (input.length % 16 != 0) {
            byte[] padded = Arrays.copyOf(input, (input.length / 16 + 1) * 16);
            padded[input.length] = (byte) 0x80;
            input = padded;
        }
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] chain = new byte[16];
        for (int offset = 0; offset < input.length; offset += 16) {
            for (int j = 0; j < 16; j++) {
                chain[j] ^= input[offset + j];
            }
            sm4.processBlock(chain, 0, chain, 0);
        }
        return MessageDigest.isEqual(Arrays.copyOf(chain, 4), Arrays.copyOfRange(data, bodyLength, data.length));
    }

    private byte[] ecb(boolean encrypt, byte[] input) {
        SM4Engine sm4 = new SM4Engine();
        sm4.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[input.length];
        for (int offset = 0; offset < input.length; offset += 16) {
            sm4.processBlock(input, offset, out, offset);
        }
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }
}
