package org.tokenbench.ui.tests;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.tokenbench.testing.pcsc.VirtualCard;

/**
 * A virtual card as the card host sees it: each command's class and instruction with the status word it got, and each
 * power-off (a new connection resets the card), in order. Bodies are not kept: they may hold the seed.
 */
final class RecordingCard implements VirtualCard {

    private final VirtualCard card;
    private final List<String> log = new ArrayList<>();

    RecordingCard(VirtualCard card) {
        this.card = card;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public byte[] process(byte[] command) {
        byte[] response = card.process(command);
        String header = command.length >= 2 ? HexFormat.of().withUpperCase().formatHex(command, 0, 2) : "??";
        String sw = response.length >= 2 ? HexFormat.of().withUpperCase().formatHex(response, response.length - 2, response.length) : "????";
        synchronized (log) {
            log.add(header + " " + sw);
        }
        return response;
    }

    @Override
    public void powerOff() {
        synchronized (log) {
            log.add("power-off");
        }
        card.powerOff();
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }
}
