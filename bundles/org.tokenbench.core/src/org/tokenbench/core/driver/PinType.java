package org.tokenbench.core.driver;

/** The PINs a key may have (GM/T 0016 numbers them 1 and 0). */
public enum PinType {
    USER, ADMIN;

    public String label() {
        return this == USER ? "user PIN" : "administrator PIN";
    }
}
