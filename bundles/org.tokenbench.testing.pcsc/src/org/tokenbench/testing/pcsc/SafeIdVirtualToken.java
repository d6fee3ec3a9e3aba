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
    /**
     * What a PC/SC part 3 contactless reader reports for an ISO 14443-4 token without historical bytes (3B 80 80 01 TCK),
     * as for a single-profile NFC token on an NFC reader.
     */
    public static final byte[] NFC_ATR = HexFormat.of().parseHex("3B80800101");
    /**
     * A contact-style T=1 ATR for the Molto2 (USB CCID). Token2 publishes no ATR for it; this one is made up (historical
     * bytes "TOKEN2", T=1, TCK) only so that the virtual token is not mistaken for a contactless one.
     */
    public static final byte[] USB_ATR = HexFormat.of().parseHex("3B8601544F4B454E32EE");

    /** How the token says how many authentication tries are left after refusing a key. */
    public enum TriesAnswer {
        /** {@code 63 0N}: what Token2's protocol document and its molto2 tool give. */
        TOKEN2,
        /** {@code 63 CN}: ISO 7816-4's counter form, which some firmware may use. */
        ISO
    }

    private final byte[] key;
    private final byte[] atr;
    private final TriesAnswer triesAnswer;
    private final String serial;
    private final LongSupplier pcClock;
    private final SecureRandom random = new SecureRandom();
    private long clockOffsetSeconds;
    private int triesLeft = INITIAL_TRIES;
    private byte[] challenge;
    private boolean authenticated;
    private final int profiles;
    private final byte[][] seeds;
    private final int[] hmacs;
    private final int[] steps;
    private final int[] digits;
    private int display;

    public SafeIdVirtualToken(byte[] key, String serial, long clockOffsetSeconds, LongSupplier pcClock) {
        this(key, serial, clockOffsetSeconds, pcClock, 1);
    }

    /**
     * @param profiles 1 for the single-profile NFC family; more for a Molto2-style multi-profile token, which
     *                 answers the public-data command, takes digits and a profile number, and syncs its clock alone
     */
    public SafeIdVirtualToken(byte[] key, String serial, long clockOffsetSeconds, LongSupplier pcClock, int profiles) {
        this(key, serial, clockOffsetSeconds, pcClock, profiles, profiles == 1 ? NFC_ATR : USB_ATR, TriesAnswer.TOKEN2);
    }

    /**
     * @param atr         what the reader reports before any APDU (the driver's descriptor filters on it)
     * @param triesAnswer how a refused key is answered
     */
    public SafeIdVirtualToken(byte[] key, String serial, long clockOffsetSeconds, LongSupplier pcClock, int profiles, byte[] atr,
            TriesAnswer triesAnswer) {
        this.key = key.clone();
        this.atr = atr.clone();
        this.triesAnswer = triesAnswer;
        this.serial = serial;
        this.clockOffsetSeconds = clockOffsetSeconds;
        this.pcClock = pcClock;
        this.profiles = profiles;
        this.seeds = new byte[profiles][];
        this.hmacs = new int[profiles];
        this.steps = new int[profiles];
        this.digits = new int[profiles];
        java.util.Arrays.fill(hmacs, 1);
        java.util.Arrays.fill(steps, 30);
        java.util.Arrays.fill(digits, 6);
    }

    /** Molto2 customer-key rule: the SM4 key is the first 16 bytes of SHA-1(customer key). */
    public static byte[] molto2Key(String customerKey) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-1").digest(customerKey.getBytes(StandardCharsets.US_ASCII)), 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A factory-new Molto2v2-style token: 100 profiles, factory customer key TOKEN2MOLTO1-KEY. */
    public static SafeIdVirtualToken molto2(String serial) {
        return new SafeIdVirtualToken(molto2Key("TOKEN2MOLTO1-KEY"), serial, 0, () -> System.currentTimeMillis() / 1000, 100);
    }

    public static SafeIdVirtualToken factoryNew(String serial) {
        return new SafeIdVirtualToken(VENDOR_KEY, serial, 0, () -> System.currentTimeMillis() / 1000);
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized void powerOff() {
        authenticated = false;
        challenge = null;
    }

    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** Test set-up: let the token clock drift by this many seconds against the PC. */
    public synchronized void drift(long seconds) {
        clockOffsetSeconds += seconds;
    }

    /** Test set-up: a token that already lost some tries. */
    public synchronized void setTriesLeft(int tries) {
        triesLeft = tries;
    }

    /** A Molto2-style token with several profiles (a USB token that is its own reader), rather than an NFC one. */
    public boolean isMultiProfile() {
        return profiles > 1;
    }

    public synchronized boolean hasSeed() {
        return hasSeed(0);
    }

    public synchronized boolean hasSeed(int profile) {
        return seeds[profile] != null;
    }

    public synchronized long tokenTime() {
        return pcClock.getAsLong() + clockOffsetSeconds;
    }

    /** The code the display shows now for profile 0, or null when no seed is programmed. */
    public synchronized String displayedCode() {
        return displayedCode(0);
    }

    /** The code the display shows now for a profile, or null when it holds no seed. */
    public synchronized String displayedCode(int profile) {
        byte[] seed = seeds[profile];
        int hmac = hmacs[profile];
        int stepSeconds = steps[profile];
        if (seed == null) {
            return null;
        }
        try {
            String algorithm = hmac == 2 ? "HmacSHA256" : "HmacSHA1";
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(seed, algorithm));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(Math.floorDiv(tokenTime(), stepSeconds)).array());
            int o = h[h.length - 1] & 0x0F;
            long modulus = (long) Math.pow(10, digits[profile]);
            long value = ((h[o] & 0x7F) << 24 | (h[o + 1] & 0xFF) << 16 | (h[o + 2] & 0xFF) << 8 | (h[o + 3] & 0xFF)) % modulus;
            return String.format("%0" + digits[profile] + "d", value);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized int stepSeconds() {
        return steps[0];
    }

    public synchronized int hmacAlgorithm() {
        return hmacs[0];
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
        int p2 = apdu[3] & 0xFF;
        if (cla == 0x80) {
            return switch (ins) {
                case 0x41 -> data.length == 1 && data[0] == 0x70 ? publicData(p2) : info();
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
            if (p2 >= profiles) {
                return sw(0x6A86);
            }
            return switch (ins) {
                case 0xD4 -> configure(body, p2);
                case 0xC5 -> writeSeed(body, p2);
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

    /** Molto2 public data: 95 { 70 { flag, tips[16], RTCTime[4], TimeCfg[4], OtpAlg, OtpStep, OtpLen, SeedExist } }. */
    private byte[] publicData(int profile) {
        if (profiles == 1) {
            return sw(0x6A86);
        }
        if (profile >= profiles) {
            return sw(0x6A86);
        }
        ByteBuffer out = ByteBuffer.allocate(4 + 29 + 2);
        out.put((byte) 0x95).put((byte) 31).put((byte) 0x70).put((byte) 29);
        out.put((byte) 0).put(new byte[16]).putInt((int) tokenTime()).putInt(0);
        out.put((byte) hmacs[profile]).put((byte) steps[profile]).put((byte) digits[profile]).put((byte) (seeds[profile] != null ? 1 : 0));
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
        return sw((triesAnswer == TriesAnswer.ISO ? 0x63C0 : 0x6300) | triesLeft);
    }

    private byte[] configure(byte[] body, int profile) {
        // 81 LL { 1F 01 display } { 0F 04 utc } { 86 LL { 0A 01 hmac } { 0D 01 step } }
        if (body.length < 2 || body[0] != (byte) 0x81) {
            return sw(0x6A80);
        }
        boolean settings = false;
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
                    hmacs[profile] = value[0];
                    settings = true;
                }
                case 0x0B -> {
                    if (profiles == 1 || (value[0] != 4 && value[0] != 6 && value[0] != 8 && value[0] != 10)) {
                        return sw(0x6A80);
                    }
                    digits[profile] = value[0];
                }
                case 0x0D -> {
                    if (value[0] != 0x1E && value[0] != 0x3C) {
                        return sw(0x6A80);
                    }
                    steps[profile] = value[0];
                }
                default -> {
                    return sw(0x6A80);
                }
            }
            i += 2 + length;
        }
        if (settings || profiles == 1) {
            // like the firmware that forgets its seed when it is configured: the seed must come last
            seeds[profile] = null;
        }
        return sw(0x9000);
    }

    private byte[] writeSeed(byte[] encrypted, int profile) {
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
        if (seeds[profile] != null) {
            Arrays.fill(seeds[profile], (byte) 0);
        }
        seeds[profile] = Arrays.copyOf(plain, end);
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
