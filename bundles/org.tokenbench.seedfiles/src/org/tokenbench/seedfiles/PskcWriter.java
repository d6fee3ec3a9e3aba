package org.tokenbench.seedfiles;

import static org.tokenbench.seedfiles.internal.XmlText.escape;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.internal.XmlEncryption;

/**
 * Writes a PSKC (RFC 6030) key container whose seeds are encrypted: AES-CBC under a pre-shared key (AES-128 or
 * AES-256 by the key's length) or under a PBKDF2 key from a password (HMAC-SHA256 PRF, AES-256), each encrypted seed
 * with an HMAC-SHA256 MAC under a fresh MAC key that is itself encrypted, as section 6.1 describes. The text holds no
 * seed in the clear.
 */
public final class PskcWriter {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PBKDF2_PRF = XmlEncryption.HMAC_SHA256;
    private static final String MAC = XmlEncryption.HMAC_SHA256;

    private PskcWriter() {
    }

    public static byte[] write(List<SeedEntry> entries, PskcProtection protection) throws TokenException {
        return write(entries, protection, DEFAULT_ITERATIONS);
    }

    /** @param iterations PBKDF2 rounds when {@code protection} is a password */
    public static byte[] write(List<SeedEntry> entries, PskcProtection protection, int iterations) throws TokenException {
        StringBuilder xml = new StringBuilder(1024 + entries.size() * 1200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<KeyContainer Version=\"1.0\" xmlns=\"").append(PskcReader.NAMESPACE).append("\"\n")
                .append("    xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"\n")
                .append("    xmlns:xenc11=\"http://www.w3.org/2009/xmlenc11#\"\n")
                .append("    xmlns:pkcs5=\"http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#\">\n");
        try (Secret key = encryptionKey(protection, iterations, xml);
             Secret macKey = Secret.adopt(XmlEncryption.random(32))) {
            String cipher = XmlEncryption.aesAlgorithmFor(key.length());
            xml.append("  <MACMethod Algorithm=\"").append(MAC).append("\">\n    <MACKey>\n");
            encryptedValue(xml, "      ", cipher, XmlEncryption.encrypt(key, macKey));
            xml.append("    </MACKey>\n  </MACMethod>\n");
            int number = 0;
            for (SeedEntry entry : entries) {
                number++;
                keyPackage(xml, entry, number, key, macKey, cipher);
            }
        }
        xml.append("</KeyContainer>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Secret encryptionKey(PskcProtection protection, int iterations, StringBuilder xml) throws TokenException {
        xml.append("  <EncryptionKey>\n");
        Secret key;
        switch (protection) {
            case PskcProtection.PreSharedKey psk -> {
                if (psk.key().length() != 16 && psk.key().length() != 32) {
                    throw new TokenException(SeedFileCodes.UNSUPPORTED_PROTECTION, "a pre-shared key has 16 or 32 bytes (AES-128 or "
                            + "AES-256), not " + psk.key().length());
                }
                xml.append("    <ds:KeyName>").append(escape(psk.keyName())).append("</ds:KeyName>\n");
                key = Secret.adopt(psk.key().copyBytes());
            }
            case PskcProtection.Password password -> {
                byte[] salt = XmlEncryption.random(16);
                key = XmlEncryption.pbkdf2(password.password(), salt, iterations, 32, PBKDF2_PRF);
                xml.append("    <xenc11:DerivedKey>\n")
                        .append("      <xenc11:KeyDerivationMethod Algorithm=\"").append(XmlEncryption.PBKDF2).append("\">\n")
                        // RFC 6030 figure 7 writes the parameters' children without a namespace.
                        .append("        <pkcs5:PBKDF2-params xmlns=\"\">\n")
                        .append("          <Salt><Specified>").append(Base64.getEncoder().encodeToString(salt)).append("</Specified></Salt>\n")
                        .append("          <IterationCount>").append(iterations).append("</IterationCount>\n")
                        .append("          <KeyLength>32</KeyLength>\n")
                        .append("          <PRF Algorithm=\"").append(PBKDF2_PRF).append("\"/>\n")
                        .append("        </pkcs5:PBKDF2-params>\n      </xenc11:KeyDerivationMethod>\n")
                        .append("      <xenc11:MasterKeyName>").append(escape(password.keyName())).append("</xenc11:MasterKeyName>\n")
                        .append("    </xenc11:DerivedKey>\n");
            }
            case PskcProtection.None none -> throw new TokenException(SeedFileCodes.NOT_EXPORTABLE,
                    "seed exports are encrypted: give a pre-shared key or a password");
        }
        xml.append("  </EncryptionKey>\n");
        return key;
    }

    private static void keyPackage(StringBuilder xml, SeedEntry entry, int number, Secret key, Secret macKey, String cipher)
            throws TokenException {
        OtpParams params = entry.account().params();
        String suite = suite(params.algorithm(), entry.serial());
        xml.append("  <KeyPackage>\n    <DeviceInfo>\n");
        element(xml, "      ", "Manufacturer", entry.manufacturer());
        element(xml, "      ", "SerialNo", entry.serial());
        element(xml, "      ", "Model", entry.model());
        xml.append("    </DeviceInfo>\n");
        xml.append("    <Key Id=\"").append(escape(entry.serial().isEmpty() ? "key" + number : entry.serial()))
                .append("\" Algorithm=\"").append(PskcReader.NAMESPACE).append(params.type() == OtpType.TOTP ? ":totp" : ":hotp").append("\">\n");
        element(xml, "      ", "Issuer", params.issuer());
        xml.append("      <AlgorithmParameters>\n        <Suite>").append(suite).append("</Suite>\n")
                .append("        <ResponseFormat Length=\"").append(params.digits()).append("\" Encoding=\"DECIMAL\"/>\n")
                .append("      </AlgorithmParameters>\n      <Data>\n        <Secret>\n");
        byte[] cipherValue = XmlEncryption.encrypt(key, entry.account().secret());
        encryptedValue(xml, "          ", cipher, cipherValue, "EncryptedValue");
        xml.append("          <ValueMAC>").append(Base64.getEncoder().encodeToString(XmlEncryption.mac(MAC, macKey, cipherValue)))
                .append("</ValueMAC>\n        </Secret>\n");
        if (params.type() == OtpType.TOTP) {
            xml.append("        <TimeInterval><PlainValue>").append(params.periodSeconds()).append("</PlainValue></TimeInterval>\n");
        } else {
            xml.append("        <Counter><PlainValue>").append(params.counter()).append("</PlainValue></Counter>\n");
        }
        xml.append("      </Data>\n");
        element(xml, "      ", "UserId", params.account());
        xml.append("    </Key>\n  </KeyPackage>\n");
    }

    private static String suite(OtpAlgorithm algorithm, String serial) throws TokenException {
        return switch (algorithm) {
            case SHA1 -> "HMAC-SHA1";
            case SHA256 -> "HMAC-SHA256";
            case SHA512 -> "HMAC-SHA512";
            case SM3 -> throw new TokenException(SeedFileCodes.NOT_EXPORTABLE, "the seed of " + serial
                    + " is for GM/T 0021 (SM3) codes, which PSKC has no suite for");
        };
    }

    private static void element(StringBuilder xml, String indent, String name, String value) {
        if (!value.isEmpty()) {
            xml.append(indent).append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static void encryptedValue(StringBuilder xml, String indent, String cipher, byte[] cipherValue) {
        xml.append(indent).append("<xenc:EncryptionMethod Algorithm=\"").append(cipher).append("\"/>\n")
                .append(indent).append("<xenc:CipherData><xenc:CipherValue>").append(Base64.getEncoder().encodeToString(cipherValue))
                .append("</xenc:CipherValue></xenc:CipherData>\n");
    }

    private static void encryptedValue(StringBuilder xml, String indent, String cipher, byte[] cipherValue, String element) {
        xml.append(indent).append('<').append(element).append(">\n");
        encryptedValue(xml, indent + "  ", cipher, cipherValue);
        xml.append(indent).append("</").append(element).append(">\n");
    }
}
