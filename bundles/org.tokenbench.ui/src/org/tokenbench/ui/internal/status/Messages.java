package org.tokenbench.ui.internal.status;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    public static String status_noTransport;
    public static String status_transportUp;
    public static String status_transportDown;
    public static String status_noService;
    public static String status_detailLine;

    public static String status_pcsc;
    public static String status_skf;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
