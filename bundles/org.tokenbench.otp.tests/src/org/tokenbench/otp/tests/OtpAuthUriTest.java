package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpProblem;
import org.tokenbench.otp.OtpType;

class OtpAuthUriTest {

    /** "12345678901234567890" in Base32. */
    private static final String RFC_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void parsesEveryField() throws OtpException {
        try (OtpAccount account = OtpAuthUri.parse("otpauth://totp/ACME%20Co:john.doe@example.com?secret=" + RFC_SEED_BASE32
                + "&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60")) {
            OtpParams p = account.params();
            assertEquals(OtpType.TOTP, p.type());
            assertEquals(OtpAlgorithm.SHA256, p.algorithm());
            assertEquals(8, p.digits());
            assertEquals(60, p.periodSeconds());
            assertEquals("ACME Co", p.issuer());
            assertEquals("john.doe@example.com", p.account());
            assertArrayEquals("12345678901234567890".getBytes(StandardCharsets.US_ASCII), account.secret().copyBytes());
            assertTrue(account.warnings().stream().anyMatch(w -> w.contains("ignore it")), account.warnings().toString());
        }
    }

    @Test
    void defaultsAreGoogleAuthenticators() throws OtpException {
        try (OtpAccount account = OtpAuthUri.parse("OTPAUTH://TOTP/alice?secret=jbsw y3dp ehpk 3pxp")) {
            assertEquals(OtpParams.totp("", "alice"), account.params());
            assertEquals(10, account.secret().length());
            assertTrue(account.warnings().get(0).contains("80 bits long"), account.warnings().toString());
        }
    }

    @Test
    void hotpNeedsItsCounter() throws OtpException {
        try (OtpAccount account = OtpAuthUri.parse("otpauth://hotp/x?secret=" + RFC_SEED_BASE32 + "&counter=42")) {
            assertEquals(42, account.params().counter());
        }
        assertProblem(OtpProblem.BAD_COUNTER, "needs counter=", "otpauth://hotp/x?secret=" + RFC_SEED_BASE32);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "WRONG_SCHEME|web link|https://example.com/login?secret=ABC",
        "WRONG_SCHEME|Google Authenticator export|otpauth-migration://offline?data=AAAA",
        "WRONG_SCHEME|bare key|JBSWY3DPEHPK3PXPJBSWY3DP",
        "MALFORMED_URI|no scheme|hello world",
        "UNKNOWN_TYPE|unknown OTP type 'motp'|otpauth://motp/x?secret=JBSWY3DPEHPK3PXP",
        "MISSING_SECRET|no secret=|otpauth://totp/x?issuer=A",
        "EMPTY_SECRET|empty|otpauth://totp/x?secret=",
        "BAD_BASE32|the character at position 7 is not Base32|otpauth://totp/x?secret=JBSWY31PEHPK3PXP",
        "BAD_BASE32|0, 1 and 8 are often mistyped for O|otpauth://totp/x?secret=JBSWY30PEHPK3PXP",
        "BAD_BASE32|cannot have 9 characters|otpauth://totp/x?secret=JBSWY3DPE",
        "UNSUPPORTED_ALGORITHM|algorithm 'MD5' is not supported|otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5",
        "DIGITS_OUT_OF_RANGE|digits must be 6 to 10, got 4|otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=4",
        "DIGITS_OUT_OF_RANGE|whole number, got 'six'|otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six",
        "BAD_PERIOD|period must be 1 to 3600 seconds, got 0|otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0",
        "DUPLICATE_PARAMETER|secret= appears twice|otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=GEZDGNBV",
        "MALFORMED_URI|not followed by two hex digits|otpauth://totp/a%2?secret=JBSWY3DPEHPK3PXP"})
    void everyRefusalSaysWhy(OtpProblem problem, String expectedWords, String uri) {
        assertProblem(problem, expectedWords, uri);
    }

    private static void assertProblem(OtpProblem problem, String expectedWords, String uri) {
        OtpException e = assertThrows(OtpException.class, () -> OtpAuthUri.parse(uri));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedWords), e.getMessage());
        assertEquals("otp", e.code().namespace());
    }

    @Test
    void formatThenParseIsTheIdentity() throws OtpException {
        OtpParams params = new OtpParams(OtpType.TOTP, OtpAlgorithm.SHA512, 7, 45, 0, "Zoë & Co: Cloud", "ops+1@example.com");
        try (Secret secret = Base32.decode(RFC_SEED_BASE32)) {
            String uri = OtpAuthUri.format(params, secret);
            assertTrue(uri.startsWith("otpauth://totp/Zo%C3%AB%20%26%20Co%3A%20Cloud:ops%2B1%40example.com?secret=" + RFC_SEED_BASE32), uri);
            try (OtpAccount back = OtpAuthUri.parse(uri)) {
                assertEquals(params, back.params());
                assertTrue(back.secret().sameAs(secret));
            }
        }
        OtpParams hotp = new OtpParams(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30, 9, "", "bob");
        try (Secret secret = Base32.decode(RFC_SEED_BASE32); OtpAccount back = OtpAuthUri.parse(OtpAuthUri.format(hotp, secret))) {
            assertEquals(hotp, back.params());
        }
    }

    @Test
    void labelSeparatorMayBeEncodedAndIssuerMayContainAColon() throws OtpException {
        try (OtpAccount a = OtpAuthUri.parse("otpauth://totp/Example%3Aalice?secret=" + RFC_SEED_BASE32)) {
            assertEquals("Example", a.params().issuer());
            assertEquals("alice", a.params().account());
        }
        try (OtpAccount b = OtpAuthUri.parse("otpauth://totp/A%3AB:carol?secret=" + RFC_SEED_BASE32)) {
            assertEquals("A:B", b.params().issuer(), "a literal colon separates, an encoded one is part of the issuer");
            assertEquals("carol", b.params().account());
        }
        try (OtpAccount c = OtpAuthUri.parse("otpauth://totp/Old:dave?secret=" + RFC_SEED_BASE32 + "&issuer=New")) {
            assertEquals("New", c.params().issuer());
            assertTrue(c.warnings().stream().anyMatch(w -> w.contains("'Old'") && w.contains("'New'")), c.warnings().toString());
        }
    }

    @Test
    void base32RoundTripsEveryLength() throws OtpException {
        java.util.Random random = new java.util.Random(4648);
        for (int length = 1; length <= 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            char[] encoded = Base32.encode(data);
            try (Secret decoded = Base32.decode(new String(encoded).toLowerCase() + "====")) {
                assertArrayEquals(data, decoded.copyBytes(), "length " + length);
            }
        }
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", new String(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void paddingInTheMiddleIsRefused() {
        OtpException e = assertThrows(OtpException.class, () -> Base32.decode("JBSW==Y3DP"));
        assertTrue(e.getMessage().contains("position 7"), e.getMessage());
    }

    @Test
    void parseAllReturnsOneAccountForAPlainUri() throws OtpException {
        List<OtpAccount> accounts = OtpAuthUri.parseAll("otpauth://totp/x?secret=" + RFC_SEED_BASE32);
        assertEquals(1, accounts.size());
        accounts.forEach(OtpAccount::close);
    }
}
