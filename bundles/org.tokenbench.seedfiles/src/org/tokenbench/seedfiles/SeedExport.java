package org.tokenbench.seedfiles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.internal.PrivateText;

/**
 * Hands programmed tokens' seeds to an identity provider: an encrypted PSKC file, Microsoft Entra ID's hardware OATH
 * token CSV, or privacyIDEA's token import CSV. Every file is written readable by its owner only and recorded in the
 * audit log (format, count and file name; never a seed).
 */
public final class SeedExport {

    public enum Format {
        /** RFC 6030, encrypted with a pre-shared key or a password. */
        PSKC,
        /** {@code upn,serial number,secret key,time interval,manufacturer,model}: TOTP, HMAC-SHA1, 6 digits, 30 or 60 s. */
        ENTRA_CSV,
        /** {@code serial, hex key, totp|hotp, digits, period|counter}: HMAC-SHA1 (the file has no hash column). */
        PRIVACYIDEA_CSV
    }

    private SeedExport() {
    }

    /** Writes {@code entries} to {@code out} (mode 0600) and records the export; a failure is recorded too. */
    public static void write(Format format, List<SeedEntry> entries, PskcProtection protection, Path out, AuditLog audit)
            throws TokenException {
        String detail = format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", " + entries.size() + " seeds, "
                + out.getFileName();
        byte[] content = null;
        try {
            content = switch (format) {
                case PSKC -> PskcWriter.write(entries, protection);
                case ENTRA_CSV -> entraCsv(entries);
                case PRIVACYIDEA_CSV -> privacyIdeaCsv(entries);
            };
            PrivateFiles.write(out, content);
        } catch (TokenException e) {
            audit.record(AuditEvent.failed(AuditEvent.EXPORT, "", "", e.code(), detail));
            throw e;
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
        audit.record(AuditEvent.succeeded(AuditEvent.EXPORT, "", "", detail));
    }

    /** Entra's CSV upload assumes HMAC-SHA1 TOTP with 6 digits and a 30 or 60 s step; anything else is refused. */
    public static byte[] entraCsv(List<SeedEntry> entries) throws TokenException {
        for (SeedEntry entry : entries) {
            OtpParams p = entry.account().params();
            if (p.type() != OtpType.TOTP || p.algorithm() != OtpAlgorithm.SHA1 || p.digits() != 6
                    || (p.periodSeconds() != 30 && p.periodSeconds() != 60)) {
                throw new TokenException(SeedFileCodes.NOT_EXPORTABLE, "token " + entry.serial() + " (" + p.type() + ", " + p.algorithm()
                        + ", " + p.digits() + " digits, " + p.periodSeconds() + " s) cannot go to Entra ID, whose CSV takes HMAC-SHA1 "
                        + "TOTP tokens with 6 digits and 30 or 60 s");
            }
        }
        PrivateText csv = new PrivateText().append("upn,serial number,secret key,time interval,manufacturer,model\n");
        for (SeedEntry entry : entries) {
            char[] base32 = entry.account().secret().apply(Base32::encode);
            try {
                csv.append(Csv.field(entry.account().params().account())).append(',').append(Csv.field(entry.serial())).append(',')
                        .append(base32, unpaddedLength(base32)).append(',').append(Integer.toString(entry.account().params().periodSeconds()))
                        .append(',').append(Csv.field(entry.manufacturer())).append(',').append(Csv.field(entry.model())).append('\n');
            } finally {
                Arrays.fill(base32, '\0');
            }
        }
        return csv.toUtf8AndWipe();
    }

    /** privacyIDEA's OATH CSV ({@code privacyidea.lib.importotp.parseOATHcsv}): the key in hex; no hash column, so SHA-1 only. */
    public static byte[] privacyIdeaCsv(List<SeedEntry> entries) throws TokenException {
        for (SeedEntry entry : entries) {
            if (entry.account().params().algorithm() != OtpAlgorithm.SHA1) {
                throw new TokenException(SeedFileCodes.NOT_EXPORTABLE, "token " + entry.serial() + " uses "
                        + entry.account().params().algorithm() + ", which privacyIDEA's CSV import cannot express (it has no hash "
                        + "column): export PSKC instead, which privacyIDEA also imports");
            }
        }
        PrivateText csv = new PrivateText();
        for (SeedEntry entry : entries) {
            OtpParams p = entry.account().params();
            char[] hex = entry.account().secret().apply(SeedExport::hexChars);
            try {
                csv.append(Csv.field(entry.serial())).append(", ").append(hex).append(", ").append(p.type() == OtpType.TOTP ? "totp" : "hotp")
                        .append(", ").append(Integer.toString(p.digits())).append(", ")
                        .append(Long.toString(p.type() == OtpType.TOTP ? p.periodSeconds() : p.counter())).append('\n');
            } finally {
                Arrays.fill(hex, '\0');
            }
        }
        return csv.toUtf8AndWipe();
    }

    /** Hex into a char array the caller wipes (HexFormat would make a String of the seed). */
    private static char[] hexChars(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return out;
    }

    private static int unpaddedLength(char[] base32) {
        int end = base32.length;
        while (end > 0 && base32[end - 1] == '=') {
            end--;
        }
        return end;
    }
}
