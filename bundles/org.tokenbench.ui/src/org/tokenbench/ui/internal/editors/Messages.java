package org.tokenbench.ui.internal.editors;

import org.eclipse.osgi.util.NLS;

/** The device editor's texts; messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String editor_notADevice;
    public static String editor_reading;
    public static String editor_vendorPageFailed;
    public static String editor_noService;
    public static String page_overview;
    public static String page_seed;
    public static String page_credentials;
    public static String page_pin;
    public static String page_certificates;
    public static String page_checklist;
    public static String page_history;
    public static String overview_property;
    public static String overview_value;
    public static String overview_refresh;
    public static String overview_openView;
    public static String overview_read;
    public static String seed_settings;
    public static String seed_noSettings;
    public static String seed_clock;
    public static String seed_readClock;
    public static String seed_program;
    public static String seed_readingClock;
    public static String seed_noClock;
    public static String seed_clockRead;
    public static String seed_noProgramming;
    public static String credentials_name;
    public static String credentials_type;
    public static String credentials_settings;
    public static String credentials_touch;
    public static String credentials_code;
    public static String credentials_refresh;
    public static String credentials_edit;
    public static String credentials_reading;
    public static String credentials_read;
    public static String credentials_gone;
    public static String pin_user;
    public static String pin_admin;
    public static String pin_fieldTip;
    public static String pin_verify;
    public static String pin_note;
    public static String pin_readCounters;
    public static String pin_reading;
    public static String pin_none;
    public static String pin_typeFirst;
    public static String pin_verifying;
    public static String pin_noCancel;
    public static String pin_accepted;
    public static String pin_gone;
    public static String pin_locked;
    public static String pin_triesLeft;
    public static String pin_default;
    public static String certificates_container;
    public static String certificates_usage;
    public static String certificates_subject;
    public static String certificates_validity;
    public static String certificates_refresh;
    public static String certificates_reading;
    public static String certificates_read;
    public static String certificates_gone;
    public static String certificates_signing;
    public static String certificates_encryption;
    public static String certificates_detailsText;
    public static String certificates_unreadable;
    public static String checklist_running;
    public static String checklist_gone;
    public static String history_time;
    public static String history_user;
    public static String history_action;
    public static String history_result;
    public static String history_refresh;
    public static String history_read;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
