package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.UsedCodes;
import org.tokenbench.otp.Verifier;

/**
 * No public type of the OTP API shows a seed in toString(), and no refusal quotes one. Every public class
 * of the exported package must be listed here, so a new type cannot slip past this check.
 */
class SecretHygieneTest {

    private static final String SEED_ASCII = "Z9q!seed-material#7";
    private static final byte[] SEED = SEED_ASCII.getBytes(StandardCharsets.US_ASCII);
    private static final String SEED_BASE32 = new String(Base32.encode(SEED));

    @Test
    void noPublicTypeShowsTheSeed() throws Exception {
        String uri = "otpauth://totp/I:a?secret=" + SEED_BASE32;
        Map<String, Supplier<Object>> instances = new LinkedHashMap<>();
        instances.put("OtpAccount", () -> parse(uri));
        instances.put("OtpGenerator", () -> OtpGenerator.open(seed(), OtpParams.totp("I", "a")));
        instances.put("Verifier", () -> new Verifier(seed(), OtpParams.totp("I", "a"), 1));
        instances.put("Verifier$Result", () -> {
            try (Secret s = seed(); Verifier v = new Verifier(s, OtpParams.totp("", ""), 1); OtpGenerator g = OtpGenerator.open(s, OtpParams.totp("", ""))) {
                return v.verify(g.codeAt(1000), 1000);
            }
        });
        instances.put("OtpParams", () -> parse(uri).params());
        instances.put("UsedCodes", () -> new UsedCodes(Path.of(System.getProperty("java.io.tmpdir"))));
        instances.put("OtpException", () -> assertThrows(OtpException.class, () -> OtpAuthUri.parse(uri + "&digits=4")));
        // Enums and static-only utilities have no seed-bearing instances; they are listed to be accounted for.
        List<String> withoutInstances = List.of("Base32", "Enrollment", "KeyBackup", "MigrationExport", "OtpAuthUri", "OtpAlgorithm", "OtpProblem", "OtpType", "Verifier$Outcome");

        for (String publicType : publicTypesOfTheApi()) {
            assertTrue(instances.containsKey(publicType) || withoutInstances.contains(publicType),
                    publicType + " is a new public type: add it to this test");
        }
        for (Map.Entry<String, Supplier<Object>> entry : instances.entrySet()) {
            Object instance = entry.getValue().get();
            assertNoSeedIn(entry.getKey() + ".toString()", instance.toString());
            if (instance instanceof Throwable t) {
                assertNoSeedIn(entry.getKey() + ".getMessage()", t.getMessage());
            }
        }
    }

    @Test
    void refusalsNeverQuoteTheSeed() {
        List<String> bad = List.of(
                "otpauth://totp/x?secret=" + SEED_BASE32 + "&digits=40",
                "otpauth://totp/x?secret=" + SEED_BASE32 + "&algorithm=MD5",
                "otpauth://totp/x?secret=" + SEED_BASE32 + "&secret=" + SEED_BASE32,
                "otpauth://totp/x?secret=" + SEED_BASE32.substring(0, 9) + "1" + SEED_BASE32.substring(10),
                "otpauth://motp/x?secret=" + SEED_BASE32,
                "https://x/?secret=" + SEED_BASE32,
                SEED_BASE32);
        for (String uri : bad) {
            OtpException e = assertThrows(OtpException.class, () -> OtpAuthUri.parseAll(uri), uri);
            assertNoSeedIn("message for " + uri, e.getMessage());
        }
    }

    private static void assertNoSeedIn(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : List.of(SEED_ASCII, SEED_BASE32, HexFormat.of().formatHex(SEED), Base64.getEncoder().encodeToString(SEED))) {
            // Any 8-character run of a seed form counts as a leak.
            for (int i = 0; i + 8 <= form.length(); i++) {
                assertFalse(lower.contains(form.substring(i, i + 8).toLowerCase(Locale.ROOT)), where + " leaks the seed: " + text);
            }
        }
    }

    private static Collection<String> publicTypesOfTheApi() throws ClassNotFoundException {
        BundleWiring wiring = FrameworkUtil.getBundle(OtpGenerator.class).adapt(BundleWiring.class);
        List<String> names = new ArrayList<>();
        for (String resource : wiring.listResources("/org/tokenbench/otp", "*.class", 0)) {
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            Class<?> type = wiring.getClassLoader().loadClass(className);
            if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass()) {
                names.add(className.substring("org.tokenbench.otp.".length()));
            }
        }
        assertTrue(names.contains("OtpGenerator"), "the API listing found nothing: " + names);
        return names;
    }

    private static Secret seed() {
        return Secret.copyOf(SEED, 0, SEED.length);
    }

    private static OtpAccount parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (OtpException e) {
            throw new AssertionError(e);
        }
    }
}
