package com.example.demotoken.tests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.tokenbench.testing.pcsc.VirtualCard;

/** Example Corp's demo token in Java: GET DATA 80 CA 00 01/02/03 answers serial, clock, firmware. */
public final class DemoTokenCard implements VirtualCard {

    /** T=0, historical bytes "DEMO". */
    public static final byte[] ATR = HexFormat.of().parseHex("3B0444454D4F");

    private final String serial;
    private int commands;

    public DemoTokenCard(String serial) {
        this.serial = serial;
    }

    /** How many commands the card answered: a probe must not need many, and changes nothing here anyway. */
    public synchronized int commands() {
        return commands;
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        commands++;
        if (command.length < 4 || (command[0] & 0xFF) != 0x80 || (command[1] & 0xFF) != 0xCA || command[2] != 0) {
            return new byte[] { 0x6D, 0x00 };
        }
        byte[] data = switch (command[3]) {
            case 0x01 -> serial.getBytes(StandardCharsets.US_ASCII);
            case 0x02 -> ByteBuffer.allocate(4).putInt((int) (System.currentTimeMillis() / 1000)).array();
            case 0x03 -> "1.0".getBytes(StandardCharsets.US_ASCII);
            default -> null;
        };
        if (data == null) {
            return new byte[] { 0x6A, (byte) 0x82 };
        }
        byte[] response = new byte[data.length + 2];
        System.arraycopy(data, 0, response, 0, data.length);
        response[data.length] = (byte) 0x90;
        return response;
    }
}
