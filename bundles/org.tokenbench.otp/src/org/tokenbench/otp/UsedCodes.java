package org.tokenbench.otp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

import org.tokenbench.core.StateFile;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;

/**
 * What {@code otp verify} accepted, kept across runs in {@code used-codes.properties} under TokenBench's home: the last
 * TOTP step and the next HOTP counter per credential, so a code checked once is a replay the next time too, in any
 * process (RFC 6238 §5.2 asks a verifier to accept a code once). Credentials are named by a SHA-256 over a domain tag,
 * the key and its settings: the file holds no key and no code, and a name cannot be turned back into the key.
 */
public final class UsedCodes {

    private static final String FILE = "used-codes.properties";
    private static final byte[] DOMAIN = "TokenBench used codes v1\0".getBytes(StandardCharsets.US_ASCII);

    private final StateFile record;

    public UsedCodes(Path home) {
        this.record = new StateFile(home.resolve(FILE), "TokenBench: last accepted OTP step per credential (hashed key, no codes)");
    }

    public static UsedCodes inHome() {
        return new UsedCodes(TokenBenchHome.directory());
    }

    /**
     * Runs {@code check} on {@code verifier} under the record's lock, after giving it what earlier runs accepted, and
     * records the new state when the code was accepted: two runs checking the same code at once cannot both accept it.
     */
    public Verifier.Result verifyOnce(OtpAccount account, Verifier verifier, Function<Verifier, Verifier.Result> check) throws TokenException {
        String name = nameOf(account);
        Verifier.Result[] result = new Verifier.Result[1];
        record.update(properties -> {
            String[] state = properties.getProperty(name, Long.MIN_VALUE + " 0").split(" ");
            verifier.acceptedBefore(Long.parseLong(state[0]), Long.parseLong(state[1]));
            result[0] = check.apply(verifier);
            if (!result[0].accepted()) {
                return false;
            }
            properties.setProperty(name, verifier.lastAcceptedStep() + " " + verifier.nextCounter());
            return true;
        });
        return result[0];
    }

    private static String nameOf(OtpAccount account) {
        OtpParams params = account.params();
        byte[] key = account.secret().copyBytes();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(DOMAIN);
            sha256.update(key);
            sha256.update((params.type() + " " + params.algorithm() + " " + params.digits() + " " + params.periodSeconds())
                    .getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
