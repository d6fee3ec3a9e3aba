package org.tokenbench.driver.guomi;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;

import com.sun.jna.ptr.IntByReference;

/**
 * PIN verification that cannot lock a key by itself: the retry counter is read first (which costs nothing),
 * a locked PIN is never tried, the last try is spent only after the user confirms it, and a wrong PIN is
 * tried exactly once: TokenBench never retries a PIN on its own.
 */
public final class PinSafety {

    private PinSafety() {
    }

    /** Verifies {@code pin} once; returns the counter after success. */
    public static PinInfo verify(SkfApplication application, PinType type, Secret pin, Interaction interaction) throws GuomiException {
        PinInfo before = guard(application, type, interaction, "a wrong PIN locks the key. Try this PIN?",
                "it was not confirmed, so the PIN was not tried");
        IntByReference reported = new IntByReference(-1);
        int sar = application.verifyOnce(type, pin, reported);
        if (sar == 0) {
            return application.pinInfo(type);
        }
        if (sar == (int) GuomiException.SAR_PIN_INCORRECT || sar == (int) GuomiException.SAR_PIN_LOCKED) {
            throw GuomiException.skf("SKF_VerifyPIN", sar, "wrong " + type.label() + ": " + triesLeft(application, type, reported, before)
                    + "; TokenBench does not try again by itself");
        }
        throw GuomiException.skf("SKF_VerifyPIN", sar, "verifying the " + type.label());
    }

    /** Changes a PIN with the same rules: counter first, never the last try unconfirmed, one attempt. */
    public static void change(SkfApplication application, PinType type, Secret oldPin, Secret newPin, Interaction interaction)
            throws GuomiException {
        PinInfo before = guard(application, type, interaction, "Change it anyway?", "the PIN change was not confirmed");
        IntByReference reported = new IntByReference(-1);
        int sar = application.changeOnce(type, oldPin, newPin, reported);
        if (sar == (int) GuomiException.SAR_PIN_INCORRECT || sar == (int) GuomiException.SAR_PIN_LOCKED) {
            throw GuomiException.skf("SKF_ChangePIN", sar, "wrong current " + type.label() + ": " + triesLeft(application, type, reported, before));
        }
        SkfLibrary.check("SKF_ChangePIN", sar, "changing the " + type.label());
    }

    /**
     * What every PIN operation does first: read the counter (no try spent), refuse a locked PIN without trying it,
     * and spend the last try only after the user says yes.
     */
    private static PinInfo guard(SkfApplication application, PinType type, Interaction interaction, String lastTryQuestion,
            String notConfirmed) throws GuomiException {
        PinInfo before = application.pinInfo(type);
        if (before.isLocked()) {
            throw GuomiException.skf("SKF_GetPINInfo", (int) GuomiException.SAR_PIN_LOCKED, "the " + type.label() + " is locked (0 of "
                    + before.maxRetries() + " tries left); TokenBench did not try it. "
                    + (type == PinType.USER ? "The administrator can unblock it with the admin PIN." : "Ask the issuer to reset the key."));
        }
        if (before.remainingRetries() == 1 && !interaction.confirm("Only 1 try of the " + type.label() + " is left: " + lastTryQuestion)) {
            throw new GuomiException(GuomiProblem.LAST_TRY_NOT_CONFIRMED, "1 try of the " + type.label() + " is left and " + notConfirmed);
        }
        return before;
    }

    /** "4 of 6 tries left", from a fresh counter read; the call's own report is the fallback (a pulled key). */
    private static String triesLeft(SkfApplication application, PinType type, IntByReference reported, PinInfo before) {
        try {
            PinInfo after = application.pinInfo(type);
            return after.isLocked() ? "the PIN is now locked" : after.remainingRetries() + " of " + after.maxRetries() + " tries left";
        } catch (GuomiException e) {
            int left = reported.getValue();
            return left >= 0 && left <= before.maxRetries() ? left + " of " + before.maxRetries() + " tries left" : "tries left unknown";
        }
    }
}
