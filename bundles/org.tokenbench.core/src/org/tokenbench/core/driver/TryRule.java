package org.tokenbench.core.driver;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/** The one rule before anything that spends a try (a PIN, a token's authentication key): never 0, the last only after a yes. */
final class TryRule {

    private TryRule() {
    }

    /**
     * @param triesLeft the known tries left, or -1 when unknown (then the attempt goes ahead)
     * @param what      "the user PIN", "the key of token 12345678"
     */
    static void beforeAttempt(int triesLeft, String what, ErrorCode lockedCode, String lockedDetail, Interaction interaction)
            throws TokenException {
        if (triesLeft == 0) {
            throw new TokenException(lockedCode, what + " is locked" + lockedDetail + "; TokenBench did not try it");
        }
        if (triesLeft == 1 && !interaction.confirmLastTry("Only 1 try of " + what + " is left: a wrong one locks it for good. Try it?")) {
            throw new TokenException(PinGuard.LAST_TRY_NOT_CONFIRMED, "1 try of " + what
                    + " is left and spending it was not confirmed, so it was not tried");
        }
    }
}
