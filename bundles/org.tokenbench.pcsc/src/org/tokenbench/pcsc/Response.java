package org.tokenbench.pcsc;

import org.tokenbench.core.Hex;

/** A response APDU: data and status word. */
public record Response(byte[] data, int sw) {

    public Response {
        data = data.clone();
    }

    public static Response parse(byte[] raw) {
        if (raw.length < 2) {
            throw new IllegalArgumentException("a response has at least a 2-byte status word");
        }
        byte[] data = java.util.Arrays.copyOf(raw, raw.length - 2);
        return new Response(data, ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int sw1() {
        return sw >>> 8;
    }

    public boolean isSuccess() {
        return sw == 0x9000;
    }

    @Override
    public String toString() {
        return (data.length == 0 ? "" : Hex.format(data) + " ") + String.format("%04X", sw);
    }
}
