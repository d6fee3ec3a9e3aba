package org.tokenbench.otp.internal;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * GM/T 0021-2012 one-time passwords, SM3 variant: ID = T ‖ C ‖ Q, zero-padded on the right to at least
 * 16 bytes; S = SM3(K ‖ ID); OD = the sum of S's eight big-endian 32-bit words mod 2^32. The caller reduces
 * OD mod 10^N. T is the 8-byte time step; the counter C (4 bytes) and challenge Q are used only when the
 * token's mode includes them. No official test vectors were published (see the tests' cross-check).
 */
public final class Sm3Otp implements AutoCloseable {

    private static final int MIN_ID_LENGTH = 16;

    private final SM3Digest digest = new SM3Digest();
    private final byte[] key;
    private final byte[] id = new byte[MIN_ID_LENGTH];
    private final byte[] hash = new byte[32];

    public Sm3Otp(byte[] key) {
        this.key = key.clone();
    }

    /** OD for a TOTP/HOTP-style moving factor without counter or challenge: ID = T padded to 16 bytes. */
    public int foldedValue(long movingFactor) {
        Arrays.fill(id, (byte) 0);
        for (int i = 0; i < 8; i++) {
            id[i] = (byte) (movingFactor >>> (56 - 8 * i));
        }
        return fold(id, id.length);
    }

    /** OD for the full form ID = T ‖ C ‖ Q (challenge at least 4 bytes, as the standard requires). */
    public int foldedValue(long timeStep, int counter, byte[] challenge) {
        if (challenge.length < 4) {
            throw new IllegalArgumentException("a GM/T 0021 challenge has at least 4 bytes");
        }
        byte[] full = new byte[Math.max(MIN_ID_LENGTH, 12 + challenge.length)];
        for (int i = 0; i < 8; i++) {
            full[i] = (byte) (timeStep >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            full[8 + i] = (byte) (counter >>> (24 - 8 * i));
        }
        System.arraycopy(challenge, 0, full, 12, challenge.length);
        return fold(full, full.length);
    }

    private int fold(byte[] message, int length) {
        digest.update(key, 0, key.length);
        digest.update(message, 0, length);
        digest.doFinal(hash, 0);
        int sum = 0;
        for (int i = 0; i < 32; i += 4) {
            sum += ((hash[i] & 0xFF) << 24) | ((hash[i + 1] & 0xFF) << 16) | ((hash[i + 2] & 0xFF) << 8) | (hash[i + 3] & 0xFF);
        }
        return sum;
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(id, (byte) 0);
        Arrays.fill(hash, (byte) 0);
        digest.reset();
    }
}
