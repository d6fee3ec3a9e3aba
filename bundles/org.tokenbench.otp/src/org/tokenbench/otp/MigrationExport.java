package org.tokenbench.otp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.tokenbench.core.Secret;
import org.tokenbench.otp.internal.ProtoReader;
import org.tokenbench.otp.internal.ProtoReader.MalformedException;
import org.tokenbench.otp.internal.UriText;

/**
 * Google Authenticator's "Transfer accounts" QR codes: {@code otpauth-migration://offline?data=<base64>},
 * a protobuf MigrationPayload with one OtpParameters entry per account (secret, name, issuer, algorithm,
 * digits, type, counter). Exports always use 30-second periods.
 */
public final class MigrationExport {

    private static final int FIELD_OTP_PARAMETERS = 1;

    private MigrationExport() {
    }

    public static List<OtpAccount> parse(String uri) throws OtpException {
        int query = uri.indexOf('?');
        String data = null;
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                if (pair.startsWith("data=")) {
                    try {
                        data = UriText.decode(pair.substring(5), false, "data= parameter");
                    } catch (OtpException e) {
                        throw new OtpException(OtpProblem.BAD_MIGRATION_DATA, "the export is damaged: " + e.getMessage());
                    }
                }
            }
        }
        if (data == null || data.isBlank()) {
            throw new OtpException(OtpProblem.BAD_MIGRATION_DATA, "the export has no data= parameter: the QR code was cut or is not an export");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(data.replace(' ', '+').strip());
        } catch (IllegalArgumentException e) {
            throw new OtpException(OtpProblem.BAD_MIGRATION_DATA, "the export's data= is not valid Base64: the QR code was misread or cut");
        }
        List<OtpAccount> accounts = new ArrayList<>();
        try {
            ProtoReader reader = new ProtoReader(payload, 0, payload.length);
            while (reader.hasMore()) {
                int tag = reader.readTag();
                if (tag >>> 3 == FIELD_OTP_PARAMETERS && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
                    int[] span = reader.readLengthDelimited();
                    accounts.add(account(payload, span[0], span[1], accounts.size() + 1));
                } else {
                    reader.skip(tag & 7);
                }
            }
        } catch (MalformedException e) {
            accounts.forEach(OtpAccount::close);
            throw new OtpException(OtpProblem.BAD_MIGRATION_DATA, "the export data is damaged (" + e.getMessage() + ")");
        } catch (OtpException e) {
            accounts.forEach(OtpAccount::close);
            throw e;
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
        if (accounts.isEmpty()) {
            throw new OtpException(OtpProblem.BAD_MIGRATION_DATA, "the export contains no accounts");
        }
        return accounts;
    }

    private static OtpAccount account(byte[] payload, int offset, int length, int index) throws MalformedException, OtpException {
        ProtoReader reader = new ProtoReader(payload, offset, length);
        Secret secret = null;
        String name = "";
        String issuer = "";
        OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        int digits = 6;
        OtpType type = OtpType.TOTP;
        long counter = 0;
        try {
            while (reader.hasMore()) {
                int tag = reader.readTag();
                int field = tag >>> 3;
                int wire = tag & 7;
                if (wire == ProtoReader.LENGTH_DELIMITED && field <= 3) {
                    int[] span = reader.readLengthDelimited();
                    switch (field) {
                        case 1 -> {
                            if (secret != null) {
                                secret.close();
                            }
                            secret = Secret.copyOf(payload, span[0], span[1]);
                        }
                        case 2 -> name = new String(payload, span[0], span[1], java.nio.charset.StandardCharsets.UTF_8);
                        default -> issuer = new String(payload, span[0], span[1], java.nio.charset.StandardCharsets.UTF_8);
                    }
                } else if (wire == ProtoReader.VARINT && field >= 4 && field <= 7) {
                    long value = reader.readVarint();
                    switch (field) {
                        case 4 -> algorithm = switch ((int) value) {
                            case 0, 1 -> OtpAlgorithm.SHA1;
                            case 2 -> OtpAlgorithm.SHA256;
                            case 3 -> OtpAlgorithm.SHA512;
                            default -> throw new OtpException(OtpProblem.UNSUPPORTED_ALGORITHM,
                                    "account " + index + " uses an algorithm TokenBench does not support (MD5 or unknown)");
                        };
                        case 5 -> digits = value == 2 ? 8 : 6;
                        case 6 -> type = value == 1 ? OtpType.HOTP : OtpType.TOTP;
                        default -> counter = value;
                    }
                } else {
                    reader.skip(wire);
                }
            }
            if (secret == null || secret.length() == 0) {
                throw new OtpException(OtpProblem.MISSING_SECRET, "account " + index + " of the export has no key");
            }
            String account = name;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                if (issuer.isEmpty()) {
                    issuer = name.substring(0, colon).strip();
                }
                account = name.substring(colon + 1).strip();
            }
            OtpParams params = OtpParams.of(type, algorithm, digits, 30, counter, issuer, account);
            OtpAccount result = new OtpAccount(params, secret, OtpAuthUri.secretWarnings(secret.length()));
            secret = null;
            return result;
        } finally {
            if (secret != null) {
                secret.close();
            }
        }
    }
}
