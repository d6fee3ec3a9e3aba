package org.tokenbench.otp;

import org.tokenbench.core.Secret;
import org.tokenbench.otp.internal.Hmac;
import org.tokenbench.otp.internal.Sm3Otp;

/**
 * Computes the codes of one credential. It derives its keyed state from the {@link Secret} once, wipes it
 * on {@link #close()}, and allocates nothing per code (except when formatting a String). Not thread-safe.
 */
public final class OtpGenerator implements AutoCloseable {

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L};

    private final OtpParams params;
    private final Hmac hmac;
    private final Sm3Otp sm3;
    private final byte[] movingFactor = new byte[8];
    private final long modulus;

    private OtpGenerator(OtpParams params, Hmac hmac, Sm3Otp sm3) {
        this.params = params;
        this.hmac = hmac;
        this.sm3 = sm3;
        this.modulus = POWERS_OF_TEN[params.digits()];
    }

    public static OtpGenerator open(Secret secret, OtpParams params) {
        return secret.apply(key -> params.algorithm().isHmac()
                ? new OtpGenerator(params, new Hmac(params.algorithm(), key), null)
                : new OtpGenerator(params, null, new Sm3Otp(key)));
    }

    public OtpParams params() {
        return params;
    }

    /** The code for a moving factor: the HOTP counter, or the TOTP time step. */
    public long valueFor(long counterOrStep) {
        if (sm3 != null) {
            return Integer.toUnsignedLong(sm3.foldedValue(counterOrStep)) % modulus;
        }
        for (int i = 7; i >= 0; i--) {
            movingFactor[i] = (byte) counterOrStep;
            counterOrStep >>>= 8;
        }
        byte[] mac = hmac.mac(movingFactor, 0, 8);
        // Dynamic truncation, RFC 4226 §5.3
        int offset = mac[mac.length - 1] & 0x0F;
        int binary = ((mac[offset] & 0x7F) << 24) | ((mac[offset + 1] & 0xFF) << 16)
                | ((mac[offset + 2] & 0xFF) << 8) | (mac[offset + 3] & 0xFF);
        return binary % modulus;
    }

    /** The TOTP code valid at {@code epochSeconds}. */
    public long valueAt(long epochSeconds) {
        return valueFor(params.stepAt(epochSeconds));
    }

    public String codeFor(long counterOrStep) {
        return format(valueFor(counterOrStep));
    }

    public String codeAt(long epochSeconds) {
        return format(valueAt(epochSeconds));
    }

    /** A value as the token shows it: zero-padded to the credential's digit count. */
    public String format(long value) {
        String digits = Long.toString(value);
        return "0".repeat(params.digits() - digits.length()) + digits;
    }

    @Override
    public void close() {
        if (hmac != null) {
            hmac.close();
        }
        if (sm3 != null) {
            sm3.close();
        }
        java.util.Arrays.fill(movingFactor, (byte) 0);
    }
}
