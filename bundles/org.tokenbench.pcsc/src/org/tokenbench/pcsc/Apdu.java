package org.tokenbench.pcsc;

import org.tokenbench.core.Hex;

/**
 * A command APDU. Whether its body is secret (a seed, an authentication cryptogram, a PIN) is decided where
 * the command is built, by {@link #secret}, and the trace shows such a body only as its length: redaction
 * by design, not by pattern matching on bytes.
 */
public final class Apdu {

    /** No Le byte. */
    public static final int NO_LE = -1;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] body;
    private final int le;
    private final boolean secretBody;

    private Apdu(int cla, int ins, int p1, int p2, byte[] body, int le, boolean secretBody) {
        if (body.length > 255 || le > 256) {
            throw new IllegalArgumentException("extended-length APDUs are not used by TokenBench drivers");
        }
        this.cla = cla & 0xFF;
        this.ins = ins & 0xFF;
        this.p1 = p1 & 0xFF;
        this.p2 = p2 & 0xFF;
        this.body = body.clone();
        this.le = le;
        this.secretBody = secretBody;
    }

    public static Apdu of(int cla, int ins, int p1, int p2, byte[] body, int le) {
        return new Apdu(cla, ins, p1, p2, body, le, false);
    }

    public static Apdu of(int cla, int ins, int p1, int p2) {
        return new Apdu(cla, ins, p1, p2, new byte[0], NO_LE, false);
    }

    /** A command whose body must never appear in a trace or log. */
    public static Apdu secret(int cla, int ins, int p1, int p2, byte[] body, int le) {
        return new Apdu(cla, ins, p1, p2, body, le, true);
    }

    public Apdu withLe(int newLe) {
        return new Apdu(cla, ins, p1, p2, body, newLe, secretBody);
    }

    public boolean isSecret() {
        return secretBody;
    }

    /**
     * The bytes on the wire, in one array sized exactly (no growing buffer leaves copies of a secret body behind). The
     * caller must wipe them after sending when {@link #isSecret()}.
     */
    public byte[] encode() {
        byte[] wire = new byte[4 + (body.length > 0 ? 1 + body.length : 0) + (le != NO_LE ? 1 : 0)];
        wire[0] = (byte) cla;
        wire[1] = (byte) ins;
        wire[2] = (byte) p1;
        wire[3] = (byte) p2;
        int at = 4;
        if (body.length > 0) {
            wire[at++] = (byte) body.length;
            System.arraycopy(body, 0, wire, at, body.length);
            at += body.length;
        }
        if (le != NO_LE) {
            wire[at] = (byte) (le == 256 ? 0 : le);
        }
        return wire;
    }

    /** Wipes the body of a secret command once it was sent. */
    public void wipe() {
        java.util.Arrays.fill(body, (byte) 0);
    }

    /** The command as a trace shows it: header and Lc, the body in hex unless secret. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(Hex.format(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2}));
        if (body.length > 0) {
            text.append(' ').append(Hex.format(new byte[] {(byte) body.length})).append(' ');
            text.append(secretBody ? "[" + body.length + " secret bytes]" : Hex.format(body));
        }
        if (le != NO_LE) {
            text.append(" Le=").append(le);
        }
        return text.toString();
    }
}
