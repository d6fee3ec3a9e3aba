package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpProblem;
import org.tokenbench.otp.OtpType;

/** Exports are built here with a protobuf writer of the test's own, then read back by the engine. */
class MigrationExportTest {

    @Test
    void readsSeveralAccountsWithTheirSettings() throws OtpException {
        byte[] first = otpParameters("12345678901234567890".getBytes(StandardCharsets.US_ASCII), "alice@example.com", "Example", 1, 1, 2, 0);
        byte[] second = otpParameters(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "ACME:bob", "", 3, 2, 1, 7);
        String uri = exportUri(concat(field(1, first), field(1, second), varint(2 << 3), varint(1)));

        List<OtpAccount> accounts = OtpAuthUri.parseAll(uri);
        try {
            assertEquals(2, accounts.size());
            OtpAccount a = accounts.get(0);
            assertEquals("Example (alice@example.com)", a.displayName());
            assertEquals(OtpType.TOTP, a.params().type());
            assertEquals(OtpAlgorithm.SHA1, a.params().algorithm());
            assertEquals(6, a.params().digits());
            assertEquals(30, a.params().periodSeconds());
            assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), a.secret().copyBytes());

            OtpAccount b = accounts.get(1);
            assertEquals("ACME", b.params().issuer());
            assertEquals("bob", b.params().account());
            assertEquals(OtpType.HOTP, b.params().type());
            assertEquals(OtpAlgorithm.SHA512, b.params().algorithm());
            assertEquals(8, b.params().digits());
            assertEquals(7, b.params().counter());
        } finally {
            accounts.forEach(OtpAccount::close);
        }
    }

    @Test
    void damagedExportsAreNamedAsSuch() {
        byte[] good = field(1, otpParameters(new byte[20], "x", "y", 1, 1, 2, 0));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertProblem(OtpProblem.BAD_MIGRATION_DATA, "damaged", exportUri(truncated));
        assertProblem(OtpProblem.BAD_MIGRATION_DATA, "no data=", "otpauth-migration://offline?foo=1");
        assertProblem(OtpProblem.BAD_MIGRATION_DATA, "damaged", "otpauth-migration://offline?data=%%%");
        assertProblem(OtpProblem.BAD_MIGRATION_DATA, "not valid Base64", "otpauth-migration://offline?data=a*b");
        assertProblem(OtpProblem.BAD_MIGRATION_DATA, "no accounts", exportUri(concat(varint(2 << 3), varint(1))));
        assertProblem(OtpProblem.UNSUPPORTED_ALGORITHM, "MD5", exportUri(field(1, otpParameters(new byte[20], "x", "", 4, 1, 2, 0))));
        assertProblem(OtpProblem.MISSING_SECRET, "has no key", exportUri(field(1, otpParameters(new byte[0], "x", "", 1, 1, 2, 0))));
    }

    private static void assertProblem(OtpProblem problem, String words, String uri) {
        OtpException e = assertThrows(OtpException.class, () -> OtpAuthUri.parseAll(uri));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    static String exportUri(byte[] payload) {
        return "otpauth-migration://offline?data="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(payload), StandardCharsets.UTF_8);
    }

    static byte[] otpParameters(byte[] secret, String name, String issuer, int algorithm, int digits, int type, long counter) {
        return concat(field(1, secret), field(2, name.getBytes(StandardCharsets.UTF_8)), field(3, issuer.getBytes(StandardCharsets.UTF_8)),
                varint(4 << 3), varint(algorithm), varint(5 << 3), varint(digits), varint(6 << 3), varint(type),
                varint(7 << 3), varint(counter));
    }

    static byte[] field(int number, byte[] content) {
        return concat(varint((number << 3) | 2), varint(content.length), content);
    }

    static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
