package org.tokenbench.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.Verifier;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * TokenBench's OTP engine against com.eatthepath:java-otp 0.4.0, in one run: TOTP generation, and
 * verification with a ±1 step window. Verification uses a wrong code, so both sides compute all three
 * steps (the worst case a login server pays for every failed attempt, and the case an attacker controls).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TotpBenchmark {

    @Param({"SHA1", "SHA256"})
    public String algorithm;

    private static final long TIME = 1_111_111_111L;
    private static final String WRONG_CODE = "000000";

    private Secret secret;
    private OtpGenerator generator;
    private Verifier verifier;
    private TimeBasedOneTimePasswordGenerator javaOtp;
    private SecretKeySpec javaOtpKey;
    private Instant instant;
    private long time;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        byte[] seed = (algorithm.equals("SHA1") ? "12345678901234567890" : "12345678901234567890123456789012")
                .getBytes(StandardCharsets.US_ASCII);
        OtpParams params = new OtpParams(OtpType.TOTP, OtpAlgorithm.valueOf(algorithm), 6, 30, 0, "", "");
        secret = Secret.copyOf(seed, 0, seed.length);
        generator = OtpGenerator.open(secret, params);
        verifier = new Verifier(secret, params, 1);
        String jcaName = "Hmac" + algorithm;
        javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, jcaName);
        javaOtpKey = new SecretKeySpec(seed, jcaName);
        instant = Instant.ofEpochSecond(TIME);
        time = TIME;
        if (generator.valueAt(TIME) != javaOtp.generateOneTimePassword(javaOtpKey, instant)) {
            throw new IllegalStateException("the two engines disagree: the comparison would be meaningless");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        verifier.close();
        generator.close();
        secret.close();
    }

    @Benchmark
    public long generateTokenBench() {
        return generator.valueAt(time);
    }

    @Benchmark
    public int generateJavaOtp() throws Exception {
        return javaOtp.generateOneTimePassword(javaOtpKey, instant);
    }

    @Benchmark
    public Verifier.Result verifyTokenBench() {
        return verifier.verify(WRONG_CODE, time);
    }

    /** What a server does with java-otp: generate the three codes around now and compare. */
    @Benchmark
    public boolean verifyJavaOtp() throws Exception {
        int typed = Integer.parseInt(WRONG_CODE);
        boolean match = false;
        for (int step = -1; step <= 1; step++) {
            match |= javaOtp.generateOneTimePassword(javaOtpKey, instant.plusSeconds(30L * step)) == typed;
        }
        return match;
    }
}
