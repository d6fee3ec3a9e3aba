package org.tokenbench.testing.pcsc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A YKOATH applet (YubiKey OATH, protocols.md §2 and Yubico's "YKOATH protocol"), written from the specification and
 * independently of TokenBench's driver: SELECT with version, salt and (when a password is set) a challenge; VALIDATE
 * with mutual challenge; PUT/DELETE/RENAME/LIST/CALCULATE/CALCULATE ALL/SET CODE/RESET; answers longer than one short
 * APDU in 61xx pieces fetched with SEND REMAINING ({@code A5}); touch credentials that wait for {@link #touch()}. Any
 * other applet a client SELECTs (ykman asks for management, OTP, FIDO, PIV, OpenPGP first) answers {@code 6A82}, as
 * on a key with those applets disabled. Every command header is recorded ({@link #commands()}) so tests can tell which
 * program sent what.
 */
public final class OathVirtualCard implements VirtualCard {

    /** A YubiKey 5 over USB (pcsc-tools' smartcard_list.txt). ykman reads "USB" from its second byte (F_). */
    public static final byte[] YUBIKEY5_ATR = HexFormat.of().parseHex("3BFD1300008131FE158073C021C057597562694B657940");
    public static final byte[] AID = HexFormat.of().parseHex("A0000005272101");
    public static final int CAPACITY = 32;
    /** Short APDU answers carry at most this much data; the rest waits for SEND REMAINING. */
    public static final int CHUNK = 255;

    private record Credential(int typeAndAlgorithm, int digits, byte[] key, boolean touch, boolean increasing, long[] counter) {
    }

    private final SecureRandom random = new SecureRandom();
    private final byte[] version;
    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private final Semaphore touches = new Semaphore(0);
    private volatile Duration touchTimeout = Duration.ofSeconds(15);
    private byte[] salt = new byte[8];
    private byte[] accessKey;
    private byte[] challenge;
    private boolean selected;
    private boolean authenticated;
    private byte[] pending = new byte[0];
    private boolean impostor;

    /** A factory-fresh applet reporting firmware {@code major.minor.patch}. */
    public OathVirtualCard(int major, int minor, int patch) {
        this.version = new byte[] {(byte) major, (byte) minor, (byte) patch};
        random.nextBytes(salt);
    }

    /** Firmware 5.4.3: RENAME is there (5.3.1+). */
    public static OathVirtualCard yubiKey5() {
        return new OathVirtualCard(5, 4, 3);
    }

    @Override
    public byte[] atr() {
        return YUBIKEY5_ATR.clone();
    }

    /** Sets the password as a client's SET CODE would (PBKDF2-HMAC-SHA1, the applet's salt, 1000 rounds, 16 bytes). */
    public synchronized void setPassword(String password) {
        accessKey = derive(password, salt);
    }

    /** A touch on the key: lets one waiting (or the next) touch credential's CALCULATE go ahead. */
    public void touch() {
        touches.release();
    }

    /**
     * Makes this card an impostor: it takes any VALIDATE and answers the client's challenge with random bytes, as a
     * card that does not know the access key would. A client doing mutual authentication must refuse it.
     */
    public synchronized void impersonate() {
        impostor = true;
    }

    public void touchTimeout(Duration timeout) {
        touchTimeout = timeout;
    }

    public synchronized int size() {
        return credentials.size();
    }

    public synchronized List<String> names() {
        return List.copyOf(credentials.keySet());
    }

    public synchronized boolean hasPassword() {
        return accessKey != null;
    }

    /** Every command received, as "CLA INS P1 P2" in hex, oldest first. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    public synchronized void clearCommands() {
        commands.clear();
    }

    @Override
    public synchronized void powerOff() {
        selected = false;
        authenticated = false;
        pending = new byte[0];
    }

    @Override
    public byte[] process(byte[] command) {
        if (command.length < 4) {
            return sw(0x6700);
        }
        int ins = command[1] & 0xFF;
        synchronized (this) {
            commands.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(command, 0, 4));
        }
        byte[] data = command.length > 5 ? Arrays.copyOfRange(command, 5, Math.min(command.length, 5 + (command[4] & 0xFF))) : new byte[0];
        // Touch waits outside the lock, as the real key keeps answering nothing else meanwhile anyway.
        if (ins == 0xA2) {
            Credential touching = touchCredential(data);
            if (touching != null && !awaitTouch()) {
                return sw(0x6985);
            }
        }
        synchronized (this) {
            return answer(command, ins, data);
        }
    }

    private synchronized Credential touchCredential(byte[] data) {
        if (!selected || !authenticated) {
            return null;
        }
        Map<Integer, byte[]> tlv = tlvs(data);
        byte[] name = tlv.get(0x71);
        Credential credential = name == null ? null : credentials.get(new String(name, StandardCharsets.UTF_8));
        return credential != null && credential.touch() ? credential : null;
    }

    private boolean awaitTouch() {
        try {
            return touches.tryAcquire(touchTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private byte[] answer(byte[] command, int ins, byte[] data) {
        int cla = command[0] & 0xFF;
        int p1 = command[2] & 0xFF;
        int p2 = command[3] & 0xFF;
        if (cla != 0x00) {
            return sw(0x6E00);
        }
        if (ins == 0xA4 && p1 == 0x04) {
            return select(data);
        }
        if (!selected) {
            return sw(0x6D00);
        }
        if (ins == 0xA5) {
            return chunk(pending);
        }
        pending = new byte[0];
        switch (ins) {
            case 0x04:
                return reset(p1, p2);
            case 0xA3:
                return validate(data);
            default:
                break;
        }
        if (!authenticated) {
            return sw(0x6982);
        }
        return switch (ins) {
            case 0x01 -> put(data);
            case 0x02 -> delete(data);
            case 0x03 -> setCode(data);
            case 0x05 -> rename(data);
            case 0xA1 -> list();
            case 0xA2 -> calculate(data, p2);
            case 0xA4 -> calculateAll(data);
            default -> sw(0x6D00);
        };
    }

    private byte[] select(byte[] aid) {
        if (!Arrays.equals(aid, AID)) {
            selected = false;
            return sw(0x6A82);
        }
        selected = true;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tlv(out, 0x79, version);
        tlv(out, 0x71, salt);
        if (accessKey != null) {
            challenge = new byte[8];
            random.nextBytes(challenge);
            tlv(out, 0x74, challenge);
            tlv(out, 0x7B, new byte[] {0x01});
            authenticated = false;
        } else {
            authenticated = true;
        }
        return ok(out.toByteArray());
    }

    private byte[] validate(byte[] data) {
        Map<Integer, byte[]> tlv = tlvs(data);
        if (impostor) {
            authenticated = true;
            byte[] made = new byte[20];
            random.nextBytes(made);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tlv(out, 0x75, made);
            return ok(out.toByteArray());
        }
        if (accessKey == null || challenge == null || tlv.get(0x75) == null || tlv.get(0x74) == null) {
            return sw(0x6984);
        }
        if (!MessageDigest.isEqual(hmacSha1(accessKey, challenge), tlv.get(0x75))) {
            authenticated = false;
            return sw(0x6984);
        }
        authenticated = true;
        challenge = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tlv(out, 0x75, hmacSha1(accessKey, tlv.get(0x74)));
        return ok(out.toByteArray());
    }

    private byte[] put(byte[] data) {
        String name = null;
        byte[] key = null;
        int property = 0;
        long imf = 0;
        int at = 0;
        while (at + 1 < data.length) {
            int tag = data[at] & 0xFF;
            if (tag == 0x78) {
                // PROPERTY is a tag and one byte, without a length.
                property = data[at + 1] & 0xFF;
                at += 2;
                continue;
            }
            int length = data[at + 1] & 0xFF;
            if (at + 2 + length > data.length) {
                return sw(0x6A80);
            }
            byte[] value = Arrays.copyOfRange(data, at + 2, at + 2 + length);
            switch (tag) {
                case 0x71 -> name = new String(value, StandardCharsets.UTF_8);
                case 0x73 -> key = value;
                case 0x7A -> imf = value.length == 4 ? ByteBuffer.wrap(value).getInt() & 0xFFFF_FFFFL : -1;
                default -> {
                    return sw(0x6A80);
                }
            }
            at += 2 + length;
        }
        if (name == null || key == null || key.length < 2 || name.getBytes(StandardCharsets.UTF_8).length > 64 || imf < 0) {
            return sw(0x6A80);
        }
        int type = key[0] & 0xF0;
        int algorithm = key[0] & 0x0F;
        int digits = key[1] & 0xFF;
        if ((type != 0x10 && type != 0x20) || algorithm < 1 || algorithm > 3 || digits < 6 || digits > 8) {
            return sw(0x6A80);
        }
        if (!credentials.containsKey(name) && credentials.size() >= CAPACITY) {
            return sw(0x6A84);
        }
        credentials.put(name, new Credential(key[0] & 0xFF, digits, Arrays.copyOfRange(key, 2, key.length),
                (property & 0x02) != 0, (property & 0x01) != 0, new long[] {imf}));
        return sw(0x9000);
    }

    private byte[] delete(byte[] data) {
        byte[] name = tlvs(data).get(0x71);
        if (name == null || credentials.remove(new String(name, StandardCharsets.UTF_8)) == null) {
            return sw(0x6984);
        }
        return sw(0x9000);
    }

    private byte[] rename(byte[] data) {
        if (Arrays.compare(version, new byte[] {5, 3, 1}) < 0) {
            return sw(0x6D00);
        }
        List<byte[]> names = new ArrayList<>();
        int at = 0;
        while (at + 1 < data.length) {
            int length = data[at + 1] & 0xFF;
            if ((data[at] & 0xFF) == 0x71 && at + 2 + length <= data.length) {
                names.add(Arrays.copyOfRange(data, at + 2, at + 2 + length));
            }
            at += 2 + length;
        }
        if (names.size() != 2) {
            return sw(0x6A80);
        }
        String from = new String(names.get(0), StandardCharsets.UTF_8);
        String to = new String(names.get(1), StandardCharsets.UTF_8);
        if (!credentials.containsKey(from)) {
            return sw(0x6984);
        }
        if (credentials.containsKey(to) || names.get(1).length == 0 || names.get(1).length > 64) {
            return sw(0x6A80);
        }
        Map<String, Credential> renamed = new LinkedHashMap<>();
        credentials.forEach((name, credential) -> renamed.put(name.equals(from) ? to : name, credential));
        credentials.clear();
        credentials.putAll(renamed);
        return sw(0x9000);
    }

    private byte[] list() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        credentials.forEach((name, credential) -> {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[1 + bytes.length];
            value[0] = (byte) credential.typeAndAlgorithm();
            System.arraycopy(bytes, 0, value, 1, bytes.length);
            tlv(out, 0x72, value);
        });
        return chunk(out.toByteArray());
    }

    private byte[] calculate(byte[] data, int p2) {
        Map<Integer, byte[]> tlv = tlvs(data);
        byte[] name = tlv.get(0x71);
        byte[] challenge = tlv.get(0x74);
        Credential credential = name == null ? null : credentials.get(new String(name, StandardCharsets.UTF_8));
        if (credential == null || challenge == null) {
            return sw(0x6984);
        }
        byte[] mac = mac(credential, challenge);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (p2 == 0x01) {
            tlv(out, 0x76, truncate(credential.digits(), mac));
        } else {
            byte[] full = new byte[1 + mac.length];
            full[0] = (byte) credential.digits();
            System.arraycopy(mac, 0, full, 1, mac.length);
            tlv(out, 0x75, full);
        }
        return ok(out.toByteArray());
    }

    private byte[] calculateAll(byte[] data) {
        byte[] challenge = tlvs(data).get(0x74);
        if (challenge == null) {
            return sw(0x6A80);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        credentials.forEach((name, credential) -> {
            tlv(out, 0x71, name.getBytes(StandardCharsets.UTF_8));
            if ((credential.typeAndAlgorithm() & 0xF0) == 0x10) {
                tlv(out, 0x77, new byte[] {(byte) credential.digits()});
            } else if (credential.touch()) {
                tlv(out, 0x7C, new byte[] {(byte) credential.digits()});
            } else {
                tlv(out, 0x76, truncate(credential.digits(), mac(credential, challenge)));
            }
        });
        return chunk(out.toByteArray());
    }

    /** TOTP: HMAC over the client's challenge. HOTP: over the applet's own counter, which then advances. */
    private byte[] mac(Credential credential, byte[] challenge) {
        byte[] message = challenge;
        if ((credential.typeAndAlgorithm() & 0xF0) == 0x10) {
            message = ByteBuffer.allocate(8).putLong(credential.counter()[0]++).array();
        } else if (challenge.length < 8) {
            message = ByteBuffer.allocate(8).put(8 - challenge.length, challenge).array();
        }
        String algorithm = switch (credential.typeAndAlgorithm() & 0x0F) {
            case 0x02 -> "HmacSHA256";
            case 0x03 -> "HmacSHA512";
            default -> "HmacSHA1";
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(credential.key().length == 0 ? new byte[1] : credential.key(), algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4226 dynamic truncation; the applet sends the 4 bytes with the top bit cleared and the digits before them. */
    private static byte[] truncate(int digits, byte[] mac) {
        int offset = mac[mac.length - 1] & 0x0F;
        return new byte[] {(byte) digits, (byte) (mac[offset] & 0x7F), mac[offset + 1], mac[offset + 2], mac[offset + 3]};
    }

    private byte[] setCode(byte[] data) {
        Map<Integer, byte[]> tlv = tlvs(data);
        byte[] key = tlv.get(0x73);
        if (key == null) {
            return sw(0x6A80);
        }
        if (key.length == 0) {
            accessKey = null;
            return sw(0x9000);
        }
        byte[] challenge = tlv.get(0x74);
        byte[] response = tlv.get(0x75);
        byte[] newKey = Arrays.copyOfRange(key, 1, key.length);
        if (challenge == null || response == null || !MessageDigest.isEqual(hmacSha1(newKey, challenge), response)) {
            return sw(0x6A80);
        }
        accessKey = newKey;
        return sw(0x9000);
    }

    private byte[] reset(int p1, int p2) {
        if (p1 != 0xDE || p2 != 0xAD) {
            return sw(0x6A86);
        }
        credentials.clear();
        accessKey = null;
        salt = new byte[8];
        random.nextBytes(salt);
        authenticated = true;
        return sw(0x9000);
    }

    /** The first piece of {@code data}; the rest is kept for SEND REMAINING and announced as 61xx. */
    private byte[] chunk(byte[] data) {
        if (data.length <= CHUNK) {
            pending = new byte[0];
            return ok(data);
        }
        pending = Arrays.copyOfRange(data, CHUNK, data.length);
        byte[] out = Arrays.copyOf(data, CHUNK + 2);
        out[CHUNK] = 0x61;
        out[CHUNK + 1] = (byte) Math.min(pending.length, 0xFF);
        return out;
    }

    static byte[] derive(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 1000, 128);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, byte[]> tlvs(byte[] data) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        int at = 0;
        while (at + 1 < data.length) {
            int length = data[at + 1] & 0xFF;
            if (at + 2 + length > data.length) {
                break;
            }
            out.putIfAbsent(data[at] & 0xFF, Arrays.copyOfRange(data, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return out;
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static byte[] ok(byte[] data) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) 0x90;
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }
}
