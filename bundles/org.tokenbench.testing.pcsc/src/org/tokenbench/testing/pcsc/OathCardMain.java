package org.tokenbench.testing.pcsc;

/**
 * A fresh YKOATH virtual card in a vpcd reader, as a separate process (for trying ykman or the product by hand):
 * {@code java -cp <this bundle> org.tokenbench.testing.pcsc.OathCardMain [PORT]}. Every line typed on stdin is a
 * touch. It prints "inserted" once vpcd took it and stays until killed.
 */
public final class OathCardMain {

    private OathCardMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : VpcdCardHost.FIRST_READER_PORT;
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        VpcdCardHost host = new VpcdCardHost(card, port);
        host.insert();
        System.out.println("inserted");
        System.out.flush();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        while (in.readLine() != null) {
            card.touch();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
