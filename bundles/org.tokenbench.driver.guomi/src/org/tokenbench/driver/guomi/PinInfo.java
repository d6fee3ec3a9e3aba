package org.tokenbench.driver.guomi;

/** SKF_GetPINInfo: the retry counter, read without spending a try. */
public record PinInfo(PinType type, int maxRetries, int remainingRetries, boolean isDefault) {

    public boolean isLocked() {
        return remainingRetries == 0;
    }
}
