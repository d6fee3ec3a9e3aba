package org.tokenbench.testing.conformance;

import org.junit.jupiter.api.AfterEach;
import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * The conformance suite for a smart-card driver: its virtual card goes into vpcd's first reader through real pcscd
 * (hold the machine's vpcd lock while it runs). The subclass gives the card; {@link #deviceState()} reads it.
 */
@ConsumerType
public abstract class PcscDriverConformance extends DriverConformance {

    private VirtualCard card;
    private VpcdCardHost host;

    /** A fresh virtual card for this test. */
    protected abstract VirtualCard newCard();

    /** The card of the current test. */
    protected final VirtualCard card() {
        if (card == null) {
            card = newCard();
        }
        return card;
    }

    @AfterEach
    void forgetCard() {
        card = null;
    }

    @Override
    protected String plug() throws Exception {
        host = new VpcdCardHost(card(), VpcdCardHost.FIRST_READER_PORT);
        host.insert();
        return "pcsc:" + VpcdCardHost.FIRST_READER_NAME;
    }

    @Override
    protected void unplug() throws Exception {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    @Override
    protected boolean removeDuringNextExchange() {
        host.removeAtApdu(1);
        return true;
    }
}
