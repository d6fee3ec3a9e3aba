package org.tokenbench.core.driver;

/**
 * A PIN's retry counter, read without spending a try.
 *
 * @param isDefault the PIN is still the one the key was delivered with
 */
public record PinStatus(PinType type, int maxTries, int triesLeft, boolean isDefault) {

    public PinStatus {
        if (maxTries < 0 || triesLeft < 0 || triesLeft > maxTries) {
            throw new IllegalArgumentException(triesLeft + " of " + maxTries + " tries left cannot be");
        }
    }

    public boolean isLocked() {
        return triesLeft == 0;
    }

    /** "4 of 6 tries left" / "locked (0 of 6 tries left)". */
    public String describe() {
        return (isLocked() ? "locked (0" : String.valueOf(triesLeft)) + " of " + maxTries + " tries left" + (isLocked() ? ")" : "");
    }
}
