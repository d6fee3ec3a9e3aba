package org.tokenbench.ui.internal.about;

import org.eclipse.osgi.util.NLS;

/** Help › About's texts; messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String about_title;
    public static String about_product;
    public static String about_drivers;
    public static String about_bundles;
    public static String about_driver;
    public static String about_bundleName;
    public static String about_bundle;
    public static String about_version;
    public static String about_vendor;
    public static String about_close;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
