package org.tokenbench.testing.pcsc;

/**
 * A factory-new SafeID-class virtual token in the first vpcd reader, as a separate process for the product
 * smoke test: {@code java -cp <this bundle>:<bcprov> org.tokenbench.testing.pcsc.VirtualTokenMain SERIAL}.
 * It prints "inserted" once vpcd took it and stays until killed; on exit it prints whether a seed was burned.
 */
public final class VirtualTokenMain {

    private VirtualTokenMain() {
    }

    public static void main(String[] args) throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew(args.length > 0 ? args[0] : "TB-SMOKE-0001");
        VpcdCardHost host = new VpcdCardHost(token, VpcdCardHost.FIRST_READER_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(token.hasSeed() ? "seeded" : "no seed")));
        host.insert();
        System.out.println("inserted");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
