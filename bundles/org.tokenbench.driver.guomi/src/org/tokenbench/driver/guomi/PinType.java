package org.tokenbench.driver.guomi;

/** SKF PIN types: the values GM/T 0016 assigns. */
public enum PinType {
    ADMIN(0),
    USER(1);

    private final int value;

    PinType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String label() {
        return this == USER ? "user PIN" : "administrator PIN";
    }
}
