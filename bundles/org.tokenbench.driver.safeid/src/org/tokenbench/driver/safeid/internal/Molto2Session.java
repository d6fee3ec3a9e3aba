package org.tokenbench.driver.safeid.internal;

import java.time.Instant;
import java.util.Arrays;

import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.pcsc.ApduChannel;

/** A Molto2 multi-profile token: everything a SafeID session does, plus setting the clock alone. */
final class Molto2Session extends SafeIdSession implements ClockSetting {

    Molto2Session(ApduChannel channel, Interaction interaction, TriesLedger ledger) throws TokenException {
        super(SafeIdProtocol.Family.MOLTO2, channel, interaction, ledger);
    }

    @Override
    public void setClock(Instant clock, ProgressMonitor monitor) throws TokenException {
        monitor.begin("Setting the clock of token " + identity().serial(), 2);
        byte[] keyBytes = keyBytes();
        try {
            authenticate(keyBytes);
            monitor.worked(1, "authenticated");
            SafeIdProtocol.check(channel().transmit(SafeIdProtocol.setClock(keyBytes, clock)), "the clock");
            monitor.worked(1, "clock set");
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
