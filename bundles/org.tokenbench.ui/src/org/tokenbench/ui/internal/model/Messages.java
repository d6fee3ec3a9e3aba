package org.tokenbench.ui.internal.model;

import org.eclipse.osgi.util.NLS;

/** The models' texts (what views render); messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String overview_device;
    public static String overview_family;
    public static String overview_serial;
    public static String overview_driver;
    public static String overview_driverBundle;
    public static String overview_vendor;
    public static String overview_clock;
    public static String overview_otpSettings;
    public static String overview_digits;
    public static String overview_profiles;
    public static String overview_pins;
    public static String overview_detailsError;
    public static String overview_id;
    public static String checklist_running;
    public static String checklist_red;
    public static String checklist_unchecked;
    public static String checklist_verified;
    public static String checklist_couldNotRun;
    public static String checklist_cancelled;
    public static String checklist_causes;
    public static String checklist_remedy;
    public static String checklist_code;
    public static String checklist_passed;
    public static String checklist_warning;
    public static String checklist_failed;
    public static String checklist_skipped;
    public static String checklist_caFile;
    public static String checklist_crlFile;
    public static String checklist_unreadable;
    public static String checklist_tooLarge;

    public static String devices_noService;
    public static String devices_noTransport;
    public static String devices_noneConnected;
    public static String devices_putOne;
    public static String devices_doubleClick;
    public static String devices_noLibrary;
    public static String devices_noKey;
    public static String devices_empty;
    public static String devices_identifying;
    public static String devices_claimed;
    public static String devices_noDriver;
    public static String devices_inUse;
    public static String devices_failed;
    public static String devices_busy;

    public static String enroll_start;
    public static String enroll_scan;
    public static String enroll_restored;
    public static String enroll_newFirst;
    public static String enroll_bound;
    public static String enroll_boundOff;
    public static String enroll_replayed;
    public static String enroll_digits;
    public static String enroll_mismatch;

    public static String language_automatic;

    public static String program_none;
    public static String program_keySettings;
    public static String program_cannotBurn;
    public static String program_keyFits;
    public static String credentials_computeOnRequest;
    public static String credentials_touch;
    public static String credentials_seconds;
    public static String credentials_expired;
    public static String credentials_digits;
    public static String credentials_touchKind;
    public static String credentials_separator;
    public static String overview_pinUser;
    public static String overview_pinAdmin;
    public static String overview_listSeparator;
    public static String overview_seconds;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
