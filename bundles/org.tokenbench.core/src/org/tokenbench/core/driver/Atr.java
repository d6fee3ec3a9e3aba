package org.tokenbench.core.driver;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;
import org.tokenbench.core.Hex;

/** A card's Answer To Reset, as the reader reports it before any APDU is sent. */
public final class Atr {

    private final byte[] bytes;

    public Atr(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 33) {
            throw new IllegalArgumentException("an ATR has 1 to 33 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    int at(int index) {
        return bytes[index] & 0xFF;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Atr other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 3B 8F 80 01 ...}: how pcsc_scan and smartcard_list.txt spell ATRs. */
    @Override
    public String toString() {
        String hex = Hex.format(bytes);
        StringBuilder spaced = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            spaced.append(i == 0 ? "" : " ").append(hex, i, i + 2);
        }
        return spaced.toString();
    }
}
