package org.tokenbench.ui.internal.editors;

import org.tokenbench.core.ErrorCode;

/** The device editor's own conditions (catalog {@code tokenbench.catalog}). */
final class EditorCodes {

    /** tokenbench:0x0050: the device no longer offers what the page was made for (it was swapped since the editor opened). */
    static final ErrorCode FEATURE_GONE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x50);

    private EditorCodes() {
    }
}
