package org.tokenbench.qr;

/** Why an image or screen could not be searched for QR codes; the code is in the "qr" diagnostics catalog. */
public enum QrProblem {
    FILE_UNREADABLE(1),
    UNSUPPORTED_FORMAT(2),
    NO_SCREEN(3),
    CAPTURE_FAILED(4),
    IMAGE_TOO_LARGE(5),
    ENCODE_FAILED(6),
    /** The search hit its work limits before finding a code: a crafted or pathological image. */
    GAVE_UP(7),
    /** Wayland without a usable screenshot portal (no session bus, no GIO, no xdg-desktop-portal backend). */
    PORTAL_MISSING(8);

    private final int code;

    QrProblem(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
