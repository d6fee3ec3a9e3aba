package org.tokenbench.seedfiles;

import static org.tokenbench.seedfiles.internal.SafeXml.child;
import static org.tokenbench.seedfiles.internal.SafeXml.children;
import static org.tokenbench.seedfiles.internal.SafeXml.path;
import static org.tokenbench.seedfiles.internal.SafeXml.text;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.internal.SafeXml;
import org.tokenbench.seedfiles.internal.XmlEncryption;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a PSKC (RFC 6030) key container: plain values, values encrypted with a pre-shared AES key or with a key derived
 * from a password (PBKDF2), each encrypted value checked against its MAC before it is used. Every KeyPackage succeeds
 * or fails on its own; the hash algorithm is the one the key's {@code Suite} names (HMAC-SHA1 when it names none, as
 * HOTP and TOTP define), never guessed from the seed's length.
 */
public final class PskcReader {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:keyprov:pskc";
    /**
     * A file asking for more PBKDF2 rounds than this is a denial of service, not a protection: 10 million kept a core
     * busy ~34 s, so 2 million bounds a hostile file to ~7 s, while the highest count anyone recommends fits (OWASP
     * 2023: 1.3 million for PBKDF2-HMAC-SHA1, PSKC's default PRF; 600 000 for SHA-256, TokenBench's own default).
     */
    public static final int MAX_ITERATIONS = 2_000_000;

    private PskcReader() {
    }

    /**
     * @param protection what the file is encrypted with: {@link PskcProtection#NONE} for plain files; the caller closes
     *                   its secret
     * @throws TokenException when the file as a whole cannot be used: not PSKC, hostile XML, encrypted without a
     *                        key given, or (in {@link ImportMode#FAIL_HARD}) any MAC failed
     */
    public static SeedImport read(byte[] xml, PskcProtection protection, ImportMode mode) throws TokenException {
        Document document = SafeXml.parse(xml, SeedFileCodes.NOT_A_SEED_FILE, SeedFileCodes.HOSTILE_XML, SeedFileCodes.TOO_LARGE);
        Element root = document.getDocumentElement();
        if (!"KeyContainer".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw SeedFileCodes.failure(SeedFileCodes.NOT_A_SEED_FILE, "not a PSKC file: its root is <" + root.getNodeName()
                    + ">, not a KeyContainer in " + NAMESPACE);
        }
        List<Element> packages = children(root, "KeyPackage");
        // A file that is encrypted (it declares a key, or the user gave one) carries only encrypted, MAC-checked seeds:
        // a plain value inside it could have been planted on the way, by anyone who can edit the file.
        boolean encryptedFile = child(root, "EncryptionKey").isPresent() || protection != PskcProtection.NONE;
        try (Keys keys = Keys.of(root, protection, needsKey(packages))) {
            List<SeedEntry> entries = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            List<Element> rejected = new ArrayList<>();
            Set<String> serials = new HashSet<>();
            try {
                for (int i = 0; i < packages.size(); i++) {
                    Element keyPackage = packages.get(i);
                    String serial = text(keyPackage, "DeviceInfo", "SerialNo");
                    try {
                        SeedEntry entry = entry(keyPackage, serial, keys, encryptedFile);
                        if (!serial.isEmpty() && !serials.add(serial)) {
                            entry.close();
                            throw new TokenException(SeedFileCodes.DUPLICATE_SERIAL, "serial " + serial + " has a second OTP key in the file");
                        }
                        entries.add(entry);
                    } catch (TokenException e) {
                        if (mode == ImportMode.FAIL_HARD && e.code().equals(SeedFileCodes.MAC_FAILED)) {
                            throw new TokenException(SeedFileCodes.REFUSED_FAIL_HARD, "nothing imported: key package " + (i + 1)
                                    + (serial.isEmpty() ? "" : " (serial " + serial + ")") + " failed its MAC check (" + e.getMessage() + ")");
                        }
                        rejections.add(new Rejection(i + 1, serial, e.code(), e.getMessage()));
                        rejected.add(keyPackage);
                    }
                }
            } catch (TokenException | RuntimeException e) {
                entries.forEach(SeedEntry::close);
                throw e;
            }
            packages.stream().filter(p -> !rejected.contains(p)).forEach(root::removeChild);
            return new SeedImport(entries, rejections, rejections.isEmpty() ? new byte[0] : serialize(document));
        }
    }

    private static boolean needsKey(List<Element> packages) {
        return packages.stream().anyMatch(p -> path(p, "Key", "Data", "Secret", "EncryptedValue").isPresent());
    }

    private static SeedEntry entry(Element keyPackage, String serial, Keys keys, boolean encryptedFile) throws TokenException {
        Element key = child(keyPackage, "Key").orElseThrow(() -> unusable("the key package holds no key"));
        String algorithm = key.getAttribute("Algorithm");
        OtpType type = otpType(algorithm).orElseThrow(() -> unusable("a key for '" + algorithm + "', not an HOTP or TOTP seed"));
        OtpAlgorithm hash = hash(text(key, "AlgorithmParameters", "Suite"));
        Element format = path(key, "AlgorithmParameters", "ResponseFormat").orElse(null);
        int digits = format == null ? 6 : integer(format.getAttribute("Length"), "ResponseFormat Length");
        if (format != null && !format.getAttribute("Encoding").isEmpty() && !"DECIMAL".equals(format.getAttribute("Encoding"))) {
            throw unusable("codes in " + format.getAttribute("Encoding") + " encoding; tokens show decimal codes");
        }
        long counter = optionalNumber(text(key, "Data", "Counter", "PlainValue"), 0, "Counter");
        int period = (int) optionalNumber(text(key, "Data", "TimeInterval", "PlainValue"), 30, "TimeInterval");
        String account = text(key, "UserId");
        if (account.isEmpty()) {
            account = text(keyPackage, "DeviceInfo", "UserId");
        }
        if (account.isEmpty()) {
            account = text(key, "FriendlyName");
        }
        OtpParams params;
        try {
            params = OtpParams.of(type, hash, digits, period, counter, text(key, "Issuer"), account);
        } catch (OtpException e) {
            throw unusable(e.getMessage());
        }
        Secret secret = secret(key, keys, encryptedFile);
        return new SeedEntry(serial, text(keyPackage, "DeviceInfo", "Manufacturer"), text(keyPackage, "DeviceInfo", "Model"),
                new OtpAccount(params, secret, List.of()));
    }

    private static Secret secret(Element key, Keys keys, boolean encryptedFile) throws TokenException {
        Element secret = path(key, "Data", "Secret").orElseThrow(() -> unusable("the file carries no seed for this key "
                + "(it refers to a key held elsewhere)"));
        Optional<Element> plain = child(secret, "PlainValue");
        if (plain.isPresent() && encryptedFile) {
            throw new TokenException(SeedFileCodes.MAC_FAILED, "a plain (unencrypted, unauthenticated) seed in an encrypted file: "
                    + "refused, because anyone who could edit the file on its way could have put it there");
        }
        if (plain.isPresent()) {
            byte[] value = base64(plain.get().getTextContent(), "PlainValue");
            if (value.length == 0) {
                throw unusable("the seed is empty");
            }
            return Secret.adopt(value);
        }
        Element encrypted = child(secret, "EncryptedValue").orElseThrow(() -> unusable("the seed has neither a plain nor an encrypted value"));
        byte[] cipherValue = cipherValue(encrypted);
        String method = path(encrypted, "EncryptionMethod").map(e -> e.getAttribute("Algorithm")).orElse("");
        if (XmlEncryption.aesKeyBytes(method).isEmpty()) {
            throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "the seed is encrypted with '" + method
                    + "'; TokenBench reads AES-128/192/256-CBC");
        }
        String mac = text(secret, "ValueMAC");
        if (mac.isEmpty()) {
            throw new TokenException(SeedFileCodes.MAC_FAILED, "the encrypted seed has no MAC, so its integrity cannot be checked");
        }
        keys.checkMac(cipherValue, base64(mac, "ValueMAC"));
        return keys.decrypt(method, cipherValue).orElseThrow(() -> new TokenException(SeedFileCodes.MAC_FAILED,
                "the seed does not decrypt although its MAC matched: the file was made with another key"));
    }

    static Optional<OtpType> otpType(String algorithm) {
        String lower = algorithm.toLowerCase(Locale.ROOT);
        if (lower.endsWith(":hotp") || lower.endsWith("#hotp")) {
            return Optional.of(OtpType.HOTP);
        }
        if (lower.endsWith(":totp") || lower.endsWith("#totp")) {
            return Optional.of(OtpType.TOTP);
        }
        return Optional.empty();
    }

    /** "HMAC-SHA1", "HMAC-SHA256", "SHA-512", …; empty means the algorithm's own default, HMAC-SHA1 (RFC 4226, 6238). */
    static OtpAlgorithm hash(String suite) throws TokenException {
        String compact = suite.toUpperCase(Locale.ROOT).replace("HMAC", "").replace("-", "").replace("_", "").strip();
        return switch (compact) {
            case "", "SHA1" -> OtpAlgorithm.SHA1;
            case "SHA256" -> OtpAlgorithm.SHA256;
            case "SHA512" -> OtpAlgorithm.SHA512;
            default -> throw unusable("the key's suite '" + suite + "' names a hash TokenBench does not know");
        };
    }

    private static byte[] cipherValue(Element encrypted) throws TokenException {
        return base64(text(encrypted, "CipherData", "CipherValue"), "CipherValue");
    }

    static byte[] base64(String text, String what) throws TokenException {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw unusable(what + " is not Base64");
        }
    }

    private static int integer(String text, String what) throws TokenException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw unusable(what + " '" + text + "' is not a number");
        }
    }

    private static long optionalNumber(String text, long absent, String what) throws TokenException {
        if (text.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw unusable(what + " '" + text + "' is not a number");
        }
    }

    private static TokenException unusable(String message) {
        return new TokenException(SeedFileCodes.ENTRY_UNUSABLE, message);
    }

    private static byte[] serialize(Document document) throws TokenException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new TokenException(SeedFileCodes.NOT_A_SEED_FILE, "the rejected entries cannot be written back as XML: " + e.getMessage(), e);
        }
    }

    /** The container's encryption and MAC keys, derived or decrypted once. */
    private static final class Keys implements AutoCloseable {
        private final Secret encryption;
        private final Secret macKey;
        private final String macAlgorithm;
        private final boolean macKeyUnusable;

        private Keys(Secret encryption, Secret macKey, String macAlgorithm, boolean macKeyUnusable) {
            this.encryption = encryption;
            this.macKey = macKey;
            this.macAlgorithm = macAlgorithm;
            this.macKeyUnusable = macKeyUnusable;
        }

        static Keys of(Element root, PskcProtection protection, boolean needed) throws TokenException {
            if (!needed) {
                return new Keys(null, null, "", false);
            }
            Element encryptionKey = child(root, "EncryptionKey").orElseThrow(() -> new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION,
                    "the seeds are encrypted but the file does not say with which key (no EncryptionKey)"));
            Secret key = encryptionKey(encryptionKey, protection);
            try {
                Element macMethod = child(root, "MACMethod").orElse(null);
                String macAlgorithm = macMethod == null ? XmlEncryption.HMAC_SHA1 : macMethod.getAttribute("Algorithm");
                if (!XmlEncryption.isKnownMac(macAlgorithm)) {
                    throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "the file's MAC algorithm '" + macAlgorithm
                            + "' is not one TokenBench checks (HMAC-SHA1/224/256/384/512)");
                }
                Optional<Element> macKeyElement = macMethod == null ? Optional.empty() : child(macMethod, "MACKey");
                if (macKeyElement.isEmpty()) {
                    // Drafts before RFC 6030 computed the MAC with the encryption key itself.
                    return new Keys(key, Secret.adopt(key.copyBytes()), macAlgorithm, false);
                }
                Optional<Secret> macKey = XmlEncryption.decrypt(key, cipherValue(macKeyElement.get()));
                return new Keys(key, macKey.orElse(null), macAlgorithm, macKey.isEmpty());
            } catch (TokenException | RuntimeException e) {
                key.close();
                throw e;
            }
        }

        private static Secret encryptionKey(Element encryptionKey, PskcProtection protection) throws TokenException {
            Optional<Element> derived = child(encryptionKey, "DerivedKey");
            String name = derived.map(d -> text(d, "MasterKeyName")).orElse(text(encryptionKey, "KeyName"));
            String named = name.isEmpty() ? "" : " named '" + name + "'";
            if (derived.isPresent()) {
                if (!(protection instanceof PskcProtection.Password password)) {
                    throw new TokenException(SeedFileCodes.KEY_NEEDED, "the seeds are encrypted with a password" + named + ": give the password");
                }
                return derive(derived.get(), password.password());
            }
            if (child(encryptionKey, "X509Data").isPresent()) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "the seeds are encrypted to a certificate's public key; "
                        + "ask the vendor for a file protected with a pre-shared key or a password");
            }
            if (!(protection instanceof PskcProtection.PreSharedKey psk)) {
                throw new TokenException(SeedFileCodes.KEY_NEEDED, "the seeds are encrypted with a pre-shared key" + named + ": give that key");
            }
            return Secret.adopt(psk.key().copyBytes());
        }

        private static Secret derive(Element derivedKey, Secret password) throws TokenException {
            Element method = child(derivedKey, "KeyDerivationMethod").orElseThrow(() -> new TokenException(
                    SeedFileCodes.UNSUPPORTED_PROTECTION, "the derived key names no derivation method"));
            if (!XmlEncryption.PBKDF2.equals(method.getAttribute("Algorithm"))) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "key derivation '" + method.getAttribute("Algorithm")
                        + "' is not supported (PBKDF2 is)");
            }
            Element params = child(method, "PBKDF2-params").orElseThrow(() -> new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION,
                    "PBKDF2 without its parameters"));
            byte[] salt = base64(text(params, "Salt", "Specified"), "PBKDF2 salt");
            int iterations;
            int keyLength;
            try {
                iterations = Integer.parseInt(text(params, "IterationCount"));
                keyLength = Integer.parseInt(text(params, "KeyLength"));
            } catch (NumberFormatException e) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "PBKDF2 iteration count or key length is not a number");
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "PBKDF2 with " + iterations + " iterations refused (1 to "
                        + MAX_ITERATIONS + ")");
            }
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "PBKDF2 key length " + keyLength + " is not an AES key length");
            }
            String prf = path(params, "PRF").map(p -> p.getAttribute("Algorithm")).orElse("");
            try {
                return XmlEncryption.pbkdf2(password, salt, iterations, keyLength, prf);
            } catch (IllegalArgumentException e) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, e.getMessage());
            }
        }

        void checkMac(byte[] cipherValue, byte[] expected) throws TokenException {
            if (macKeyUnusable || !XmlEncryption.macMatches(macAlgorithm, macKey, cipherValue, expected)) {
                throw new TokenException(SeedFileCodes.MAC_FAILED, "MAC check failed: wrong key or password, or the entry was altered");
            }
        }

        Optional<Secret> decrypt(String method, byte[] cipherValue) throws TokenException {
            int needed = XmlEncryption.aesKeyBytes(method).orElseThrow();
            if (needed != encryption.length()) {
                throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "the seed is encrypted with a " + needed * 8
                        + "-bit AES key, the key given has " + encryption.length() * 8 + " bits");
            }
            return XmlEncryption.decrypt(encryption, cipherValue);
        }

        @Override
        public void close() {
            if (encryption != null) {
                encryption.close();
            }
            if (macKey != null) {
                macKey.close();
            }
        }
    }
}
