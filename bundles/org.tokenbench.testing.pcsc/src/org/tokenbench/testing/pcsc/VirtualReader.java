package org.tokenbench.testing.pcsc;

import java.util.List;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscTransport;

/**
 * A vpcd reader as tests use it: insert a virtual card and wait until pcscd reports it, take it out and wait until
 * pcscd noticed, then let a second pass so the next insertion is not missed.
 */
public final class VirtualReader implements AutoCloseable {

    public static final String NAME = VpcdCardHost.FIRST_READER_NAME;
    /** The second vpcd reader ("Virtual PCD 00 01", port 35964). */
    public static final String SECOND_NAME = "Virtual PCD 00 01";
    /**
     * A vpcd reader named as a Token2 Molto2 names itself over USB CCID (port 35965): releng/test adds it to pcscd's
     * configuration ({@code /etc/reader.conf.d/tokenbench-molto2}), so a virtual Molto2 is identified by its reader
     * name exactly as a real one is.
     */
    public static final String MOLTO2_NAME = "Virtual TOKEN2 Molto2 00 00";
    public static final int MOLTO2 = 2;
    private static final List<String> NAMES = List.of(NAME, SECOND_NAME, MOLTO2_NAME);
    /** pcscd misses a re-insertion that follows a removal too closely. */
    private static final long SETTLE_MILLIS = 1000;

    private final String name;
    private final int port;
    private VpcdCardHost host;

    /** The first vpcd reader. */
    public VirtualReader() {
        this(0);
    }

    /** vpcd reader {@code index}: 0 and 1 are vpcd's own, {@link #MOLTO2} the one named like a Molto2. */
    public VirtualReader(int index) {
        if (index < 0 || index >= NAMES.size()) {
            throw new IllegalArgumentException("the test readers are 0, 1 and 2 (Molto2), not " + index);
        }
        this.name = NAMES.get(index);
        this.port = VpcdCardHost.FIRST_READER_PORT + index;
    }

    /** The reader a virtual token belongs in: a Molto2 is its own USB reader, an NFC token lies on vpcd's first. */
    public static VirtualReader forToken(SafeIdVirtualToken token) {
        return new VirtualReader(token.isMultiProfile() ? MOLTO2 : 0);
    }

    public String name() {
        return name;
    }

    public VpcdCardHost insert(VirtualCard card) throws Exception {
        if (host != null) {
            throw new IllegalStateException("a card is already in the reader");
        }
        host = new VpcdCardHost(card, port);
        host.insert();
        waitForCard(name, true);
        return host;
    }

    /** Takes the card out (if the card did not already vanish by fault injection) and waits for pcscd. */
    public void remove() throws Exception {
        if (host == null) {
            return;
        }
        host.remove();
        host = null;
        waitForCard(name, false);
        Thread.sleep(SETTLE_MILLIS);
    }

    /** Waits until pcscd sees a card in (or no card in) the first reader. */
    public static void waitForCard(boolean present) throws InterruptedException, TokenException {
        waitForCard(NAME, present);
    }

    public static void waitForCard(String reader, boolean present) throws InterruptedException, TokenException {
        PcscTransport pcsc = new PcscTransport();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pcsc.slots().stream().noneMatch(slot -> slot.id().equals(reader) && slot.devicePresent() == present)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pcscd did not see the card " + (present ? "arrive in" : "leave") + " '" + reader + "' within 10 s");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        remove();
    }
}
