package org.tokenbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tokenbench.core.driver.Atr;

/**
 * A device of the {@link PluggableTransport}: a serial, an optional ATR, and a log of everything drivers did to it, in
 * order, so tests can tell whether a driver was asked at all and whether two operations interleaved.
 */
public final class PluggableDevice {

    private final String serial;
    private final Optional<Atr> atr;
    private final List<String> log = new ArrayList<>();
    private volatile boolean heldElsewhere;
    private volatile boolean silent;

    public PluggableDevice(String serial, Atr atr) {
        this.serial = serial;
        this.atr = Optional.ofNullable(atr);
    }

    public String serial() {
        return serial;
    }

    public Optional<Atr> atr() {
        return atr;
    }

    /** Makes connections fail as if another program held the device (PC/SC's sharing violation). */
    public void holdElsewhere(boolean held) {
        heldElsewhere = held;
    }

    boolean isHeldElsewhere() {
        return heldElsewhere;
    }

    /**
     * Makes connections fail as a device that does not answer does (a failure of the device, not "held").
     *
     * @since 0.2.0
     */
    public void stopAnswering(boolean stopped) {
        silent = stopped;
    }

    boolean isSilent() {
        return silent;
    }

    public synchronized void record(String event) {
        log.add(event);
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }
}
