package org.tokenbench.programming.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;

/** What views and the CLI offer for a family comes from its descriptor alone. */
class ProgrammingChoicesTest {

    private static ProgrammingChoices family(String... lines) {
        Properties p = new Properties();
        p.setProperty("id", "test.driver");
        p.setProperty("vendor", "tests");
        p.setProperty("name", "test tokens");
        p.setProperty("families", "f");
        for (String line : lines) {
            String[] kv = line.split("=", 2);
            p.setProperty("f." + kv[0].strip(), kv[1].strip());
        }
        return ProgrammingChoices.of(DriverDescriptor.parse(p, "test").family("f").orElseThrow());
    }

    @Test
    void offersExactlyTheFamilysValuesWithThirtySecondsFirstWhereOffered() {
        ProgrammingChoices choices = family("algorithms = SHA256, SHA1", "digits = 6, 8", "periods = 60, 30", "display-seconds = 15, 30, 60", "profiles = 3");
        assertEquals(List.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256), choices.algorithms());
        assertEquals(List.of(15, 30, 60), choices.displaySeconds());
        assertEquals(30, choices.defaultDisplaySeconds());
        assertEquals(30, choices.defaultPeriodSeconds());
        assertEquals(6, choices.defaultDigits());
        assertEquals(Optional.of(HashAlgorithm.SHA1), choices.defaultAlgorithm());
        assertEquals(List.of(0, 1, 2), choices.profiles());
        assertTrue(choices.programmable());
    }

    @Test
    void withoutThirtySecondsTheFirstDisplayTimeIsTheDefault() {
        ProgrammingChoices choices = family("algorithms = SM3", "digits = 8", "periods = 60", "display-seconds = 10, 20");
        assertEquals(10, choices.defaultDisplaySeconds());
        assertEquals(60, choices.defaultPeriodSeconds());
        assertEquals(8, choices.defaultDigits());
        assertEquals(List.of(0), choices.profiles());
        assertTrue(choices.unsupported(new SeedProgramming.Settings(HashAlgorithm.SM3, 8, 60, 20, 0)).isEmpty());
        assertTrue(choices.unsupported(new SeedProgramming.Settings(HashAlgorithm.SM3, 8, 60, 30, 0)).isPresent());
    }

    @Test
    void aFamilyWithoutSeedsIsNotProgrammable() {
        ProgrammingChoices choices = family("pins = user");
        assertFalse(choices.programmable());
        assertTrue(choices.unsupported(new SeedProgramming.Settings(HashAlgorithm.SHA1, 6, 30, 30, 0)).orElseThrow().contains("no OTP seeds"));
    }

    @Test
    void credentialsMapToDeviceSettingsByAlgorithmName() throws TokenException {
        for (OtpAlgorithm algorithm : OtpAlgorithm.values()) {
            OtpParams params = new OtpParams(OtpType.TOTP, algorithm, 6, 30, 0, "I", "a");
            assertEquals(algorithm.name(), TokenProgrammer.settings(params, 30, 0).algorithm().name());
        }
        SeedProgramming.Settings settings = TokenProgrammer.settings(new OtpParams(OtpType.TOTP, OtpAlgorithm.SM3, 8, 60, 0, "", ""), 15, 2);
        assertEquals(new SeedProgramming.Settings(HashAlgorithm.SM3, 8, 60, 15, 2), settings);
        TokenException hotp = org.junit.jupiter.api.Assertions.assertThrows(TokenException.class,
                () -> TokenProgrammer.settings(new OtpParams(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30, 0, "", ""), 30, 0));
        assertEquals(ErrorCode.of(ErrorCode.TOKENBENCH, TokenProgrammer.SETTINGS_UNSUPPORTED), hotp.code());
    }
}
