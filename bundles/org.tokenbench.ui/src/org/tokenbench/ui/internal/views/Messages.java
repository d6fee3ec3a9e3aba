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
    public static String fleet_filter;
    public static String fleet_allStates;
    public static String fleet_stateNew;
    public static String fleet_stateProgrammed;
    public static String fleet_stateConfirmed;
    public static String fleet_stateRetired;
    public static String fleet_stateLost;
    public static String fleet_refresh;
    public static String fleet_exportCsv;
    public static String fleet_exportTitle;
    public static String fleet_markRetired;
    public static String fleet_markLost;
    public static String fleet_family;
    public static String fleet_serial;
    public static String fleet_state;
    public static String fleet_owner;
    public static String fleet_account;
    public static String fleet_driver;
    public static String fleet_firmware;
    public static String fleet_clockSkew;
    public static String fleet_lastSeen;
    public static String fleet_skewSeconds;
    public static String fleet_notInstalled;
    public static String fleet_inventoryUnreadable;
    public static String fleet_historyUnreadable;
    public static String fleet_shown;
    public static String fleet_selectFirst;
    public static String fleet_exported;
    public static String activity_time;
    public static String activity_user;
    public static String activity_action;
    public static String activity_device;
    public static String activity_result;
    public static String activity_succeeded;
    public static String activity_failed;
    public static String activity_refused;
    public static String activity_canceled;
    public static String activity_withDetail;
    public static String activity_noAuditLog;
    public static String activity_unreadable;
    public static String batches_batch;
    public static String batches_refresh;
    public static String batches_saveReport;
    public static String batches_saveTitle;
    public static String batches_serial;
    public static String batches_state;
    public static String batches_attempts;
    public static String batches_time;
    public static String batches_code;
    public static String batches_detail;
    public static String batches_stateBurning;
    public static String batches_stateInterrupted;
    public static String batches_stateProgrammed;
    public static String batches_stateConfirmed;
    public static String batches_stateFailed;
    public static String batches_none;
    public static String batches_gone;
    public static String batches_summary;
    public static String batches_attention;
    public static String batches_reportWritten;
    public static String diagnostics_recentErrors;
    public static String diagnostics_time;
    public static String diagnostics_operation;
    public static String diagnostics_code;
    public static String diagnostics_message;
    public static String diagnostics_namespace;
    public static String diagnostics_severity;
    public static String diagnostics_title;
    public static String diagnostics_severityInfo;
    public static String diagnostics_severityWarning;
    public static String diagnostics_severityError;
    public static String diagnostics_search;
    public static String diagnostics_unknownCode;
    public static String diagnostics_detail;
    public static String diagnostics_family;
    public static String diagnostics_catalog;
    public static String diagnostics_noFailures;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
