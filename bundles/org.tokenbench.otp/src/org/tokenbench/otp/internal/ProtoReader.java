package org.tokenbench.otp.internal;

/**
 * The few protobuf wire-format reads a Google Authenticator export needs (varints, length-delimited
 * fields, skipping the rest). Every length is checked against the buffer: exports arrive from QR codes
 * and must be treated as hostile.
 */
public final class ProtoReader {

    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    /** Thrown for data that is not well-formed protobuf; callers turn it into a user-facing error. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private final byte[] data;
    private int position;
    private final int end;

    public ProtoReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    public boolean hasMore() {
        return position < end;
    }

    /** Reads a field key; returns {@code fieldNumber << 3 | wireType}. */
    public int readTag() throws MalformedException {
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE) {
            throw new MalformedException("invalid field tag");
        }
        return (int) tag;
    }

    public long readVarint() throws MalformedException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new MalformedException("truncated number");
            }
            byte b = data[position++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedException("number longer than 10 bytes");
    }

    /** Returns {offset, length} of a length-delimited field's content and skips past it. */
    public int[] readLengthDelimited() throws MalformedException {
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new MalformedException("a field claims " + length + " bytes but only " + (end - position) + " remain");
        }
        int[] span = {position, (int) length};
        position += (int) length;
        return span;
    }

    public void skip(int wireType) throws MalformedException {
        switch (wireType) {
            case VARINT -> readVarint();
            case LENGTH_DELIMITED -> readLengthDelimited();
            case FIXED64 -> advance(8);
            case FIXED32 -> advance(4);
            default -> throw new MalformedException("unsupported wire type " + wireType);
        }
    }

    private void advance(int bytes) throws MalformedException {
        if (bytes > end - position) {
            throw new MalformedException("truncated field");
        }
        position += bytes;
    }
}
