package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

class ErrorCodeTest {

    @Test
    void hexIsWrittenTheWayManualsWriteIt() {
        assertEquals("0x6982", ErrorCode.of(ErrorCode.ISO7816, 0x6982).hex());
        assertEquals("0x0A000024", ErrorCode.of(ErrorCode.SKF, 0x0A000024L).hex());
        assertEquals("0x8010000C", ErrorCode.of(ErrorCode.PCSC, 0x8010000CL).hex());
        assertEquals("skf:0x0A000024", ErrorCode.of(ErrorCode.SKF, 0x0A000024L).toString());
    }

    @Test
    void rejectsValuesOutsideUnsigned32Bits() {
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of("x", -1));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of("x", 0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of(" ", 1));
    }

    @Test
    void exceptionCarriesItsCode() {
        TokenException e = new TokenException(ErrorCode.of(ErrorCode.SKF, 0x0A000024L), "wrong PIN");
        assertEquals(0x0A000024L, e.code().value());
        assertEquals("TokenException[skf:0x0A000024]: wrong PIN", e.toString());
    }
}
