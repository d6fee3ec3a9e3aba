package org.tokenbench.testing.pcsc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.net.ExtendedSocketOptions;

/**
 * Puts a {@link VirtualCard} into a vsmartcard-vpcd reader of the real pcscd. vpcd listens (port 35963 for
 * "Virtual PCD 00 00", 35964 for "00 01"); the card side is the TCP client. Frames are a 2-byte big-endian
 * length and a payload: one byte is a control message (0 power off, 1 power on, 2 reset, 4 get ATR — only
 * 4 is answered), longer payloads are command APDUs. Closing the connection is removing the card. When vpcd
 * drops the connection itself (pcscd stopped or restarted), the card stays inserted: the host connects again as
 * soon as a new pcscd's vpcd listens, as a token left on the reader would be found again.
 */
public final class VpcdCardHost implements AutoCloseable {

    public static final int FIRST_READER_PORT = 35963;
    public static final String FIRST_READER_NAME = "Virtual PCD 00 00";

    private final VirtualCard card;
    private final int port;
    private final AtomicInteger apdus = new AtomicInteger();
    private volatile int removeAfterApdus = -1;
    private volatile long delayMillis;
    private volatile boolean garbage;
    private volatile int faultAtApdu = -1;
    private volatile boolean faultAfterCard;
    private volatile Runnable fault;
    private static final long RECONNECT_MILLIS = 200;

    private volatile Socket socket;
    private volatile boolean inserted;
    private Thread loop;

    public VpcdCardHost(VirtualCard card, int port) {
        this.card = card;
        this.port = port;
    }

    /** Inserts the card and waits until vpcd has asked for its ATR (pcscd then reports it present). */
    public void insert() throws IOException, InterruptedException {
        Socket connected = connect();
        inserted = true;
        CountDownLatch atrRequested = new CountDownLatch(1);
        loop = new Thread(() -> serveWhileInserted(connected, atrRequested), "vpcd card on port " + port);
        loop.setDaemon(true);
        loop.start();
        if (!atrRequested.await(10, TimeUnit.SECONDS)) {
            throw new IOException("vpcd never asked for the ATR: is pcscd running with vsmartcard-vpcd?");
        }
    }

    private Socket connect() throws IOException {
        Socket connecting = new Socket();
        socket = connecting;
        connecting.setTcpNoDelay(true);
        connecting.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return connecting;
    }

    /** Takes the card away, as lifting a token off an NFC reader does. */
    public void remove() throws InterruptedException {
        inserted = false;
        try {
            Socket connected = socket;
            if (connected != null) {
                connected.close();
            }
        } catch (IOException e) {
            // closing is the point; an error here changes nothing
        }
        if (loop != null) {
            loop.join(5000);
        }
        card.powerOff();
    }

    /** Fault injection: the card vanishes when the k-th APDU (1-based, counted from now) arrives, unanswered. */
    public void removeAtApdu(int k) {
        apdus.set(0);
        removeAfterApdus = k;
    }

    /**
     * Fault injection: when the k-th APDU (1-based, counted from now) arrives, {@code fault} runs (killing pcscd, say)
     * and the APDU goes unanswered; with {@code cardFirst} the card processes it before, so its effect is kept though
     * the answer is lost. The card stays inserted: the host connects again once vpcd listens again.
     */
    public void faultAtApdu(int k, boolean cardFirst, Runnable fault) {
        apdus.set(0);
        this.fault = fault;
        faultAfterCard = cardFirst;
        faultAtApdu = k;
    }

    public void answerSlowly(Duration delay) {
        delayMillis = delay.toMillis();
    }

    public void answerGarbage(boolean enabled) {
        garbage = enabled;
    }

    public int apdusSeen() {
        return apdus.get();
    }

    /** Serves vpcd; when vpcd (not this host) ends the connection, connects again until the card is removed. */
    private void serveWhileInserted(Socket first, CountDownLatch atrRequested) {
        Socket connected = first;
        while (true) {
            serve(connected, atrRequested);
            card.powerOff();
            connected = null;
            while (inserted && connected == null) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                    connected = connect();
                } catch (IOException e) {
                    // no vpcd listening yet: pcscd is still down
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!inserted) {
                if (connected != null) {
                    try {
                        connected.close(); // removed while this connection was being made
                    } catch (IOException e) {
                        // it is closed either way
                    }
                }
                return;
            }
        }
    }

    private void serve(Socket connected, CountDownLatch atrRequested) {
        try (DataInputStream in = new DataInputStream(connected.getInputStream());
             DataOutputStream out = new DataOutputStream(connected.getOutputStream())) {
            while (true) {
                // Without quick ACK re-armed before each read, every APDU waits ~40 ms for a delayed ACK.
                connected.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                int length = in.readUnsignedShort();
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    return;
                }
                if (length == 1) {
                    switch (payload[0]) {
                        case 4 -> {
                            write(out, card.atr());
                            atrRequested.countDown();
                        }
                        case 0, 2 -> card.powerOff();
                        default -> { }
                    }
                    continue;
                }
                int count = apdus.incrementAndGet();
                if (removeAfterApdus > 0 && count >= removeAfterApdus) {
                    removeAfterApdus = -1;
                    inserted = false;
                    connected.close();
                    card.powerOff();
                    return;
                }
                if (faultAtApdu > 0 && count >= faultAtApdu) {
                    faultAtApdu = -1;
                    if (faultAfterCard) {
                        card.process(payload);
                    }
                    fault.run();
                    connected.close();
                    return;
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                write(out, garbage ? new byte[] {0x42} : card.process(payload));
            }
        } catch (IOException | InterruptedException e) {
            // connection closed: the card is out of the reader
        }
    }

    private static void write(DataOutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() throws InterruptedException {
        remove();
    }
}
