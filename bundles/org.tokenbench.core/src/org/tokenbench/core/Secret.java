package org.tokenbench.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The one holder of secret bytes (OTP seeds, PINs, keys). It owns its buffer, hands it out only to a
 * callback, and zeroes it on {@link #close()}. It never prints its content: {@link #toString()} says
 * only how long it is, so a Secret that slips into a log line or exception message leaks nothing.
 */
public final class Secret implements AutoCloseable {

    private final byte[] bytes;
    private volatile boolean closed;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not keep or use the array afterwards. */
    public static Secret adopt(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("secret bytes are missing");
        }
        return new Secret(bytes);
    }

    /** Copies a region of {@code source}; the caller still owns (and should zero) the source. */
    public static Secret copyOf(byte[] source, int offset, int length) {
        return new Secret(Arrays.copyOfRange(source, offset, offset + length));
    }

    /**
     * Encodes typed characters (a PIN, a passphrase) as UTF-8 and zeroes {@code chars}: the typed
     * form must not outlive the Secret made from it.
     */
    public static Secret fromChars(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        // The encoder's buffer holds the same bytes: wipe it too.
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        Arrays.fill(chars, '\0');
        return new Secret(out);
    }

    public int length() {
        return bytes.length;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Lends the secret bytes to {@code use}. The array is the live buffer, not a copy: the callback must
     * not keep a reference to it, and anything it derives that is itself secret must be zeroed by it.
     */
    public <R> R apply(Function<byte[], R> use) {
        ensureOpen();
        return use.apply(bytes);
    }

    /** A copy for APIs that insist on owning an array; the caller must zero it. Prefer {@link #apply}. */
    public byte[] copyBytes() {
        ensureOpen();
        return bytes.clone();
    }

    /** Constant-time comparison, so that checking a secret does not leak where it differs. */
    public boolean sameAs(Secret other) {
        ensureOpen();
        other.ensureOpen();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the secret was already closed and its bytes zeroed");
        }
    }

    @Override
    public String toString() {
        return closed ? "Secret(closed)" : "Secret(" + bytes.length + " bytes)";
    }

    // Two secrets are never "equal" by value through equals(): that would invite map keys and logs.
    @Override
    public boolean equals(@Nullable Object obj) {
        return this == obj;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
