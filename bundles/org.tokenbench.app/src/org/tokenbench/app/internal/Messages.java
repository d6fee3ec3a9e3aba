package org.tokenbench.app.internal;

import org.eclipse.osgi.util.NLS;

/** The application's own words (menus, launch messages); {@code messages_zh.properties} has the Simplified Chinese. */
public final class Messages extends NLS {

    public static String menuFile;
    public static String menuWindow;
    public static String menuShowView;
    public static String menuOpenPerspective;
    public static String actionExit;
    public static String actionResetPerspective;
    public static String actionPreferences;
    public static String launchOtpauthRefused;
    public static String launchNotAFile;
    public static String launchAlreadyRunning;
    public static String launchAlreadyRunningOpened;
    public static String launchCannotCheckRunning;

    static {
        NLS.initializeMessages("org.tokenbench.app.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
