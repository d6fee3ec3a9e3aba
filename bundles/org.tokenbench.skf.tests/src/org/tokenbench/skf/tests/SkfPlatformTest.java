package org.tokenbench.skf.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tokenbench.skf.SkfLibrary;

import com.sun.jna.Function;

/** How vendor SKF libraries are called on each platform (GM/T 0016: __stdcall on Windows, cdecl elsewhere). */
class SkfPlatformTest {

    @Test
    void stdcallOnlyOn32BitWindows() {
        assertEquals(Function.ALT_CONVENTION, SkfLibrary.callingConvention(true, false), "32-bit Windows: __stdcall");
        assertEquals(Function.C_CONVENTION, SkfLibrary.callingConvention(true, true), "x64 Windows has one convention");
        assertEquals(Function.C_CONVENTION, SkfLibrary.callingConvention(false, true), "Linux, macOS");
        assertEquals(Function.C_CONVENTION, SkfLibrary.callingConvention(false, false));
    }
}
