package org.tokenbench.driver.safeid.tests;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.tokenbench.driver.safeid.internal.SafeIdDriver;
import org.tokenbench.otp.TokenProgrammer;
import org.tokenbench.testing.pcsc.VirtualReader;

/** Tests that put a virtual token on vpcd's first reader (real pcscd) and drive it with the real driver. */
abstract class VirtualTokenTest {

    protected final VirtualReader reader = new VirtualReader();
    protected final SafeIdDriver driver = new SafeIdDriver();
    protected final TokenProgrammer programmer = new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew());

    @AfterEach
    void takeTheTokenOut() throws Exception {
        reader.remove();
    }
}
