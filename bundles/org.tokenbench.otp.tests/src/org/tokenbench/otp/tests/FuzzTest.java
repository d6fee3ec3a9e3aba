package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;

/** 100,000 random and mutated inputs: the parser either succeeds or throws OtpException with a message. */
class FuzzTest {

    private static final String[] SEEDS = {
        "otpauth://totp/ACME:john@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME&algorithm=SHA1&digits=6&period=30",
        "otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5&digits=8",
        "otpauth://totp/%E4%B8%AD%E6%96%87:a?secret=gezdgnbv gy3tqojq====&issuer=%E4%B8%AD",
        MigrationExportTest.exportUri(MigrationExportTest.concat(
                MigrationExportTest.field(1, MigrationExportTest.otpParameters(new byte[20], "n", "i", 1, 1, 2, 0)),
                MigrationExportTest.field(1, MigrationExportTest.otpParameters(new byte[10], "m", "", 2, 2, 1, 3)))),
    };
    private static final String ALPHABET = "otpauth:/?&=%+-_.~ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefhotp01890\u00e9\u4e2d\u0000 \t\n";

    @Test
    void onlyTheDocumentedExceptionEscapes() {
        Random random = new Random(6238);
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            String input = i % 10 == 0 ? randomText(random) : mutate(SEEDS[random.nextInt(SEEDS.length)], random);
            try {
                List<OtpAccount> accounts = OtpAuthUri.parseAll(input);
                accounts.forEach(OtpAccount::close);
                parsed++;
            } catch (OtpException e) {
                assertNotNull(e.getMessage());
                assertTrue(!e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("input #" + i + " escaped with " + e + ": " + Base64.getEncoder().encodeToString(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)), e);
            }
        }
        assertTrue(parsed > 1000, "mutations should still parse sometimes; parsed " + parsed);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> text.setLength(at);
                default -> text.insert(at, text.substring(random.nextInt(text.length())));
            }
        }
        return text.toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(120);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
