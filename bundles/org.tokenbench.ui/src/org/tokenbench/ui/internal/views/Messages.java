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
    public static String guomi_title;
    public static String guomi_library;
    public static String guomi_libraryTip;
    public static String guomi_caCertificate;
    public static String guomi_userPin;
    public static String guomi_runChecklist;
    public static String guomi_step;
    public static String guomi_result;
    public static String guomi_detail;

    public static String guomi_crlFile;
    public static String guomi_pinTip;
    public static String browse;

    public static String devices_title;
    public static String devices_refresh;
    public static String devices_transport;
    public static String devices_slot;
    public static String devices_state;
    public static String devices_claimedBy;
    public static String devices_serial;
    public static String devices_clock;
    public static String devices_busy;
    public static String devices_looking;
    public static String devices_noDriverYet;

    public static String enroll_title;
    public static String enroll_issuer;
    public static String enroll_account;
    public static String enroll_newKey;
    public static String enroll_code;
    public static String enroll_verify;
    public static String enroll_toToken;
    public static String enroll_copyUri;
    public static String enroll_copyUriTip;
    public static String enroll_backup;
    public static String enroll_backupTip;
    public static String enroll_restore;
    public static String enroll_restoreTip;
    public static String enroll_copied;
    public static String enroll_cleared;
    public static String enroll_passphrase;
    public static String enroll_passphraseAgain;
    public static String enroll_passphraseOpen;
    public static String enroll_passphrasesDiffer;
    public static String enroll_backupTitle;
    public static String enroll_restoreTitle;
    public static String enroll_saved;
    public static String enroll_unreadable;
    public static String enroll_restoring;
    public static String enroll_auditFailed;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
