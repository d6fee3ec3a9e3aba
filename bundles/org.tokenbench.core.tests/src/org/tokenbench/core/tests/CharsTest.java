package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.CharBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Chars;

class CharsTest {

    @Test
    void whiteSpaceAroundIsLeftOutAndInsideKept() {
        assertEquals("otpauth://totp/a b", Chars.strip(" \t\r\notpauth://totp/a b\n\n".toCharArray()).toString());
        assertEquals("x", Chars.strip("x".toCharArray()).toString());
        assertFalse(Chars.strip(" \n\t ".toCharArray()).hasRemaining());
        assertFalse(Chars.strip(new char[0]).hasRemaining());
    }

    @Test
    void theResultIsAViewSoWipingTheBufferWipesIt() {
        char[] typed = "  JBSWY3DPEHPK3PXP \n".toCharArray();
        CharBuffer key = Chars.strip(typed);
        Arrays.fill(typed, '\0');
        assertEquals("\0".repeat(16), key.toString());
    }

    @Test
    void aBufferIsStrippedFromItsPositionAndKeepsIt() {
        CharBuffer text = CharBuffer.wrap("ab  cd  ");
        text.position(2);
        assertEquals("cd", Chars.strip(text).toString());
        assertEquals(2, text.position());
    }
}
