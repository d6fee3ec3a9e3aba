package org.tokenbench.testing.pcsc;

/** A card implemented in Java, plugged into real pcscd by {@link VpcdCardHost}. */
public interface VirtualCard {

    byte[] atr();

    /** Answers one command APDU with a response APDU (data + SW1 SW2). */
    byte[] process(byte[] command);

    /** The reader cut power (card removed, reset): volatile state such as an open session ends. */
    default void powerOff() {
    }
}
