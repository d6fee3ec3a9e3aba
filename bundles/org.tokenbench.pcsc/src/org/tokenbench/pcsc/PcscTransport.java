package org.tokenbench.pcsc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;


import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceHeldException;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.pcsc.internal.EnvironmentChecklist;
import org.tokenbench.pcsc.internal.PcscContext;
import org.tokenbench.pcsc.internal.Dword;
import org.tokenbench.pcsc.internal.PcscLibrary;
import org.tokenbench.pcsc.internal.ScardHandle;
import org.tokenbench.pcsc.internal.SizedByReference;
import org.tokenbench.pcsc.internal.PcscLite;
import org.tokenbench.pcsc.internal.ReaderSlots;
import org.tokenbench.pcsc.internal.ReaderWatch;
import org.tokenbench.pcsc.internal.ServiceStatus;
import org.tokenbench.pcsc.internal.SmartCardPrograms;

/**
 * PC/SC smart-card readers through pcsc-lite. Each reader is a slot whose id and name are the reader's name;
 * presence and ATR come from pcscd without touching the card. Connections are exclusive: while TokenBench talks to
 * a card no other program can slip an APDU in.
 */
@Component(service = DeviceTransport.class)
public final class PcscTransport implements DeviceTransport {

    public static final String ID = ReaderSlots.TRANSPORT;
    /** How often a connect held off by another program asks again. */
    private static final Duration HELD_RETRY = Duration.ofMillis(200);

    @Override
    public String id() {
        return ID;
    }

    /** "PC/SC smart-card readers", in the JVM's language now. */
    @Override
    public String displayName() {
        return ServiceStatus.TEXTS.get("transport.name");
    }

    @Override
    public Class<ApduChannel> connectionType() {
        return ApduChannel.class;
    }

    /** Blocks in SCardGetStatusChange on a thread of its own; closing the handle cancels the wait at once. */
    @Override
    public AutoCloseable watch(TransportListener listener) {
        return ReaderWatch.start(listener);
    }

    @Override
    public TransportStatus status() {
        try (PcscContext context = PcscContext.establish()) {
            return ServiceStatus.up(context.readers().size());
        } catch (TokenException e) {
            return ServiceStatus.down(e);
        }
    }

    @Override
    public List<Slot> slots() throws TokenException {
        try (PcscContext context = PcscContext.establish()) {
            return ReaderSlots.now(context);
        }
    }

    /**
     * Connects to the card in reader {@code slotId} in exclusive mode (T=0 or T=1). While another program holds the
     * card, asks again every 200 ms until {@code wait} is over, then fails with a {@link DeviceHeldException}
     * ({@code pcsc:0x8010000B}) naming the programs that use PC/SC.
     */
    @Override
    public ApduChannel connect(String slotId, Duration wait, Consumer<String> trace) throws TokenException {
        Objects.requireNonNull(slotId, "slotId");
        long deadline = System.nanoTime() + wait.toNanos();
        PcscContext context = PcscContext.establish();
        boolean connected = false;
        try {
            while (true) {
                SizedByReference card = SizedByReference.handle();
                SizedByReference protocol = SizedByReference.dword();
                long code = PcscLibrary.code(context.library().SCardConnect(context.handle(), slotId,
                        new Dword(PcscLite.SCARD_SHARE_EXCLUSIVE),
                        new Dword(PcscLite.SCARD_PROTOCOL_T0 | PcscLite.SCARD_PROTOCOL_T1), card, protocol));
                if (code == PcscLite.SCARD_S_SUCCESS) {
                    ApduChannel channel = new ApduChannel(slotId, context, new ScardHandle(card.getValue()), protocol.getValue());
                    if (trace != null) {
                        channel.trace(trace::accept);
                    }
                    connected = true;
                    return channel;
                }
                if (code != PcscErrors.SHARING_VIOLATION) {
                    throw connectFailure(slotId, code);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw held(slotId);
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, HELD_RETRY.toNanos()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw held(slotId);
                }
            }
        } finally {
            if (!connected) {
                context.close();
            }
        }
    }

    private static TokenException connectFailure(String reader, long code) {
        String message = switch ((int) code) {
            case (int) PcscErrors.NO_SMARTCARD -> "no card or token in the reader '" + reader + "'";
            case (int) PcscErrors.UNKNOWN_READER -> "no reader named '" + reader + "' is connected";
            default -> "cannot connect to the card in '" + reader + "' (" + PcscErrors.name(code) + ")";
        };
        return PcscErrors.of(code, message, null);
    }

    /**
     * In the user's language, with the catalog's remedy for pcsc:0x8010000B made concrete: the programs to close. The
     * Devices view shows it as the held device's detail, so a Chinese desktop reads it in Chinese.
     */
    private static DeviceHeldException held(String reader) {
        List<String> programs = SmartCardPrograms.others();
        String close = programs.isEmpty() ? ServiceStatus.TEXTS.get("held.anyProgram")
                : String.join(ServiceStatus.TEXTS.get("list.separator"), programs);
        return new DeviceHeldException(ErrorCode.of(ErrorCode.PCSC, PcscErrors.SHARING_VIOLATION),
                ServiceStatus.TEXTS.get("held", reader, close));
    }

    /** Library, pcscd, the reader {@code readerName} (any reader when blank), a card in it; nothing is sent to the card. */
    @Override
    public List<Checklist.Result> checkEnvironment(String readerName) {
        return EnvironmentChecklist.run(readerName);
    }
}
