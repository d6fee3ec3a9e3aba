package org.tokenbench.ui.internal.views;

import org.eclipse.osgi.util.NLS;

/** The views' texts; messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String program_title;
    public static String program_keyGroup;
    public static String program_tokenGroup;
    public static String program_burnGroup;
    public static String program_scanScreen;
    public static String program_scanScreenTip;
    public static String program_loadImage;
    public static String program_loadImageTip;
    public static String program_pasteImage;
    public static String program_pasteImageTip;
    public static String program_keyPrompt;
    public static String program_issuer;
    public static String program_account;
    public static String program_settings;
    public static String program_codeNow;
    public static String program_codeNowTip;
    public static String program_pcClock;
    public static String program_device;
    public static String program_deviceTip;
    public static String program_refresh;
    public static String program_connect;
    public static String program_token;
    public static String program_displayTime;
    public static String program_displayTimeTip;
    public static String program_settingsCheck;
    public static String program_burn;
    public static String qr_clipboard;
    public static String qr_screen;
    public static String qr_images;
    public static String program_forceClock;
    public static String program_forceClockTip;
    public static String program_keyFile;
    public static String program_keyFileTip;
    public static String program_chooseKeyFile;
    public static String program_chooseKeyFileTitle;
    public static String program_clearKeyFile;
    public static String program_noKeyFile;
    public static String program_publishedKeyWarning;
    public static String program_keyFileTaken;
    public static String program_keyFileUnusable;
    public static String program_clipboardNoImage;
    public static String program_lookingIn;
    public static String program_stoppedLooking;
    public static String program_keyFromEnroll;
    public static String program_notADevice;
    public static String program_connectPrompt;
    public static String program_lookingForTokens;
    public static String program_noToken;
    public static String program_noDevicesService;
    public static String program_chooseTokenFirst;
    public static String program_connecting;
    public static String program_tokenSummary;
    public static String program_connected;
    public static String program_tokenTime;
    public static String program_tokenClockUnreadable;
    public static String program_programming;
    public static String program_programmed;
    public static String program_programmedOffset;
    public static String program_lookingOnMonitors;
    public static String program_lookingOnEveryMonitor;
    public static String program_noQrCode;
    public static String program_qrNotUsable;
    public static String program_keyFromQr;
    public static String program_keyFromQrOfSeveral;
    public static String guomi_title;
    public static String guomi_library;
    public static String guomi_libraryTip;
    public static String guomi_caCertificate;
    public static String guomi_userPin;
    public static String guomi_runChecklist;
    public static String guomi_step;
    public static String guomi_result;
    public static String guomi_detail;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
