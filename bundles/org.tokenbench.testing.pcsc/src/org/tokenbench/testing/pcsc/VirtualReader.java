package org.tokenbench.testing.pcsc;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscReaders;

/**
 * The first vpcd reader as tests use it: insert a virtual card and wait until pcscd reports it, take it
 * out and wait until pcscd noticed, then let a second pass so the next insertion is not missed.
 */
public final class VirtualReader implements AutoCloseable {

    public static final String NAME = VpcdCardHost.FIRST_READER_NAME;
    /** pcscd misses a re-insertion that follows a removal too closely. */
    private static final long SETTLE_MILLIS = 1000;

    private VpcdCardHost host;

    public VpcdCardHost insert(VirtualCard card) throws Exception {
        if (host != null) {
            throw new IllegalStateException("a card is already in the reader");
        }
        host = new VpcdCardHost(card, VpcdCardHost.FIRST_READER_PORT);
        host.insert();
        waitForCard(true);
        return host;
    }

    /** Takes the card out (if the card did not already vanish by fault injection) and waits for pcscd. */
    public void remove() throws Exception {
        if (host == null) {
            return;
        }
        host.remove();
        host = null;
        waitForCard(false);
        Thread.sleep(SETTLE_MILLIS);
    }

    public static void waitForCard(boolean present) throws InterruptedException, TokenException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (PcscReaders.isCardPresent(NAME) != present) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pcscd did not see the card " + (present ? "arrive" : "leave") + " within 10 s");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        remove();
    }
}
