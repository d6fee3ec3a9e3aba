package org.tokenbench.otp.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.tokenbench.otp.OtpAlgorithm;

/**
 * HMAC (RFC 2104) over a JDK MessageDigest, keyed once. Unlike {@code javax.crypto.Mac} it keeps the padded
 * key blocks in arrays it can wipe on {@link #close()}, and computing a MAC allocates nothing, so a verifier
 * checking codes all day creates no garbage. Not thread-safe: one instance per thread or per key holder.
 */
public final class Hmac implements AutoCloseable {

    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final MessageDigest digest;
    private final byte[] innerKeyBlock;
    private final byte[] outerKeyBlock;
    private final byte[] innerHash;
    private final byte[] mac;

    public Hmac(OtpAlgorithm algorithm, byte[] key) {
        if (!algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm + " is not an HMAC algorithm");
        }
        try {
            digest = MessageDigest.getInstance(algorithm.digestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.digestName(), e);
        }
        int block = algorithm.blockSize();
        innerKeyBlock = new byte[block];
        outerKeyBlock = new byte[block];
        innerHash = new byte[algorithm.outputSize()];
        mac = new byte[algorithm.outputSize()];
        // Keys longer than a block are hashed first (RFC 2104 §2); shorter ones are zero-padded.
        byte[] shortKey = key.length > block ? digest.digest(key) : key;
        for (int i = 0; i < block; i++) {
            byte k = i < shortKey.length ? shortKey[i] : 0;
            innerKeyBlock[i] = (byte) (k ^ IPAD);
            outerKeyBlock[i] = (byte) (k ^ OPAD);
        }
        if (shortKey != key) {
            Arrays.fill(shortKey, (byte) 0);
        }
    }

    /** The MAC of {@code message[offset..offset+length)}, in a buffer this object reuses on the next call. */
    public byte[] mac(byte[] message, int offset, int length) {
        try {
            digest.update(innerKeyBlock);
            digest.update(message, offset, length);
            digest.digest(innerHash, 0, innerHash.length);
            digest.update(outerKeyBlock);
            digest.update(innerHash);
            digest.digest(mac, 0, mac.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("digest buffer too small", e);
        }
        return mac;
    }

    @Override
    public void close() {
        Arrays.fill(innerKeyBlock, (byte) 0);
        Arrays.fill(outerKeyBlock, (byte) 0);
        Arrays.fill(innerHash, (byte) 0);
        Arrays.fill(mac, (byte) 0);
        digest.reset();
    }
}
