package org.tokenbench.skf;

import java.nio.charset.StandardCharsets;

import org.tokenbench.skf.internal.DevInfoStruct;
import org.tokenbench.skf.internal.NameList;

/** What SKF_GetDevInfo reports, with fixed-size strings cut at their NUL (or their field's end). */
public record DeviceInfo(String version, String manufacturer, String issuer, String label, String serialNumber,
        String hardwareVersion, String firmwareVersion, long asymmetricAlgorithms, long hashAlgorithms, long totalSpace,
        long freeSpace) {

    /** SGD_SM2_1 (signatures); some headers number it 0x00020200, so both count. */
    private static final long SGD_SM2_1 = 0x00020100L;
    private static final long SGD_SM2_ALT = 0x00020200L;
    private static final long SGD_SM3 = 0x00000001L;

    static DeviceInfo of(DevInfoStruct s) {
        return new DeviceInfo(s.versionMajor + "." + s.versionMinor, text(s.manufacturer), text(s.issuer), text(s.label),
                text(s.serialNumber), (s.hwMajor & 0xFF) + "." + (s.hwMinor & 0xFF), (s.fwMajor & 0xFF) + "." + (s.fwMinor & 0xFF),
                s.algAsymCap & 0xFFFFFFFFL, s.algHashCap & 0xFFFFFFFFL, s.totalSpace & 0xFFFFFFFFL, s.freeSpace & 0xFFFFFFFFL);
    }

    public boolean supportsSm2() {
        return (asymmetricAlgorithms & SGD_SM2_1) != 0 || (asymmetricAlgorithms & SGD_SM2_ALT) != 0;
    }

    public boolean supportsSm3() {
        return (hashAlgorithms & SGD_SM3) != 0;
    }

    private static String text(byte[] field) {
        int end = 0;
        while (end < field.length && field[end] != 0) {
            end++;
        }
        byte[] bytes = java.util.Arrays.copyOf(field, end);
        String value = NameList.display(bytes).strip();
        // Control characters from a misbehaving library must not reach terminals or logs.
        return value.chars().anyMatch(c -> c < 0x20) ? new String(bytes, StandardCharsets.US_ASCII).replaceAll("\\p{Cntrl}", "?") : value;
    }
}
