package org.tokenbench.testing.pcsc;

import java.util.Locale;

/**
 * A virtual card that kills pcscd (SIGKILL, as a crash or the OOM killer would) when the k-th APDU reaches it, for
 * the "pcscd killed mid-operation" campaign ({@code releng/scripts/pcscd-kill-campaign}):
 * {@code java -cp <this bundle>:<bcprov> org.tokenbench.testing.pcsc.PcscdKillCardMain KIND K WHEN [PORT]}.
 * <ul>
 * <li>KIND: {@code safeid} (a factory-new single-profile token), {@code molto2} (a factory-new Molto2 whose clock is
 * {@value #DRIFT_SECONDS} s ahead) or {@code oath} (an empty YubiKey-like OATH applet);</li>
 * <li>K: the APDU at which pcscd dies, counted from the card's insertion; 0 never kills (to count a flow's APDUs);</li>
 * <li>WHEN: {@code before} the card sees that APDU, or {@code after} it acted on it (the answer is lost).</li>
 * </ul>
 * It prints "inserted" once vpcd took it, "apdu" as each APDU reaches the card (so a script can count the APDUs of a
 * flow while the card stays), "killed pcscd at APDU K" when it did; the card stays in the reader and is
 * found again by the next pcscd (the campaign restarts it). On SIGTERM it prints its state — "apdus N", then for
 * safeid "seed none" or "seed code C" (the code its display shows), for molto2 "clock offset S" (seconds ahead of
 * the PC), for oath "credentials NAME,..." — never a key.
 */
public final class PcscdKillCardMain {

    static final long DRIFT_SECONDS = 600;

    private PcscdKillCardMain() {
    }

    /** Says "apdu" for every APDU the card answers. */
    private record Counting(VirtualCard card) implements VirtualCard {
        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public byte[] process(byte[] apdu) {
            System.out.println("apdu");
            System.out.flush();
            return card.process(apdu);
        }

        @Override
        public void powerOff() {
            card.powerOff();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4 || !args[2].matches("before|after")) {
            System.err.println("usage: PcscdKillCardMain safeid|molto2|oath K before|after [PORT]");
            System.exit(2);
        }
        String kind = args[0].toLowerCase(Locale.ROOT);
        int killAt = Integer.parseInt(args[1]);
        boolean cardFirst = args[2].equals("after");
        int port = args.length > 3 ? Integer.parseInt(args[3]) : VpcdCardHost.FIRST_READER_PORT;
        VirtualCard card;
        Runnable state;
        switch (kind) {
            case "safeid" -> {
                SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-KILL-0001");
                card = token;
                state = () -> System.out.println(token.hasSeed() ? "seed code " + token.displayedCode() : "seed none");
            }
            case "molto2" -> {
                SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-KILL-M2");
                token.drift(DRIFT_SECONDS);
                card = token;
                state = () -> System.out.println("clock offset " + (token.tokenTime() - System.currentTimeMillis() / 1000));
            }
            case "oath" -> {
                OathVirtualCard oath = OathVirtualCard.yubiKey5();
                card = oath;
                state = () -> System.out.println("credentials " + String.join(",", oath.names()));
            }
            default -> {
                System.err.println("KIND is safeid, molto2 or oath, not " + args[0]);
                System.exit(2);
                return;
            }
        }
        VpcdCardHost host = new VpcdCardHost(new Counting(card), port);
        if (killAt > 0) {
            host.faultAtApdu(killAt, cardFirst, () -> {
                try {
                    Pcscd.find().kill();
                    System.out.println("killed pcscd at APDU " + killAt + (cardFirst ? " after the card acted on it" : ""));
                    System.out.flush();
                } catch (Exception e) {
                    System.out.println("could not kill pcscd: " + e);
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("apdus " + host.apdusSeen());
            state.run();
            System.out.flush();
        }));
        host.insert();
        System.out.println("inserted");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
