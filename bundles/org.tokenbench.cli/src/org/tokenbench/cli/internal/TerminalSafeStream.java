package org.tokenbench.cli.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Text output that cannot drive a terminal: an otpauth label, a QR payload, a device serial or a library's device name
 * may hold ESC sequences that retitle, recolour or clear the user's terminal (or hide a line). C0 controls other than
 * tab, newline and the CR of a CRLF, DEL and the C1 controls (U+0080..U+009F, two bytes in UTF-8) are written as {@code \u001b}-style
 * escapes, which JSON reads as the same character. Works on the UTF-8 bytes, so it holds for any writer above it.
 */
final class TerminalSafeStream extends FilterOutputStream {

    private static final int UTF8_C1_LEAD = 0xC2;
    private boolean afterLead;
    /** A carriage return is kept only as part of CRLF (CSV lines end so); alone it would overwrite the line shown. */
    private boolean afterReturn;

    private TerminalSafeStream(OutputStream out) {
        super(out);
    }

    static PrintStream around(PrintStream out) {
        return new PrintStream(new TerminalSafeStream(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        int octet = b & 0xFF;
        if (afterReturn) {
            afterReturn = false;
            if (octet == '\n') {
                out.write('\r');
                out.write('\n');
                return;
            }
            escape('\r');
        }
        if (octet == '\r') {
            afterReturn = true;
            return;
        }
        if (afterLead) {
            afterLead = false;
            if (octet >= 0x80 && octet <= 0x9F) {
                escape(octet);
                return;
            }
            out.write(UTF8_C1_LEAD);
        }
        if (octet == UTF8_C1_LEAD) {
            afterLead = true;
            return;
        }
        if ((octet < 0x20 && octet != '\n' && octet != '\t') || octet == 0x7F) {
            escape(octet);
            return;
        }
        out.write(octet);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();  // a pending C2 lead or CR waits for its next byte: flushing it alone would split a character or a CRLF
    }

    private void escape(int codePoint) throws IOException {
        out.write(String.format("\\u%04x", codePoint).getBytes(StandardCharsets.US_ASCII));
    }
}
