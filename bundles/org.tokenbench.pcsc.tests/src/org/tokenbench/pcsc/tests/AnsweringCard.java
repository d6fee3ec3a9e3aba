package org.tokenbench.pcsc.tests;

import java.util.HexFormat;

import org.tokenbench.testing.pcsc.VirtualCard;

/** A card that answers every command with 9000: enough for the transport, which never looks inside. */
record AnsweringCard(String atrHex) implements VirtualCard {

    @Override
    public byte[] atr() {
        return HexFormat.of().parseHex(atrHex);
    }

    @Override
    public byte[] process(byte[] command) {
        return new byte[] {(byte) 0x90, 0x00};
    }
}
