package org.tokenbench.testing.pcsc;

/**
 * A factory-new SafeID-class virtual token in a vpcd reader, as a separate process for the product smoke test:
 * {@code java -cp <this bundle>:<bcprov> org.tokenbench.testing.pcsc.VirtualTokenMain SERIAL [PORT]}. PORT is the vpcd
 * reader's TCP port: 35963 (default) for "Virtual PCD 00 00", 35964 for "Virtual PCD 00 01", so two tokens can run at
 * once. It prints "inserted" once vpcd took it and stays until killed; on exit it prints whether a seed was burned.
 */
public final class VirtualTokenMain {

    private VirtualTokenMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2) {
            System.err.println("usage: VirtualTokenMain [SERIAL] [PORT]");
            System.exit(2);
        }
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew(args.length > 0 ? args[0] : "TB-SMOKE-0001");
        int port = VpcdCardHost.FIRST_READER_PORT;
        if (args.length > 1) {
            try {
                port = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                System.err.println("PORT must be a number (35963 for Virtual PCD 00 00, 35964 for 00 01), not " + args[1]);
                System.exit(2);
            }
        }
        VpcdCardHost host = new VpcdCardHost(token, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(token.hasSeed() ? "seeded" : "no seed")));
        host.insert();
        System.out.println("inserted");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
