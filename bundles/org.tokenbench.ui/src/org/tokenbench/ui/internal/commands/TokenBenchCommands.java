package org.tokenbench.ui.internal.commands;

/** The ids of TokenBench's commands (declared in plugin.xml with their names, key bindings and menu places). */
public final class TokenBenchCommands {

    public static final String REFRESH_DEVICES = "org.tokenbench.ui.commands.refreshDevices";
    public static final String OPEN_DEVICE = "org.tokenbench.ui.commands.openDevice";
    public static final String CONNECT = "org.tokenbench.ui.commands.connect";
    public static final String BURN = "org.tokenbench.ui.commands.burn";
    public static final String SCAN_SCREEN = "org.tokenbench.ui.commands.scanScreen";
    public static final String LOAD_IMAGE = "org.tokenbench.ui.commands.loadImage";
    public static final String PASTE_IMAGE = "org.tokenbench.ui.commands.pasteImage";
    public static final String RUN_CHECK = "org.tokenbench.ui.commands.runCheck";
    public static final String EXPORT = "org.tokenbench.ui.commands.export";
    public static final String INSTALL_DRIVER = "org.tokenbench.ui.commands.installDriver";
    public static final String COMPUTE_CODE = "org.tokenbench.ui.commands.computeCode";
    public static final String ADD_CREDENTIAL = "org.tokenbench.ui.commands.addCredential";
    public static final String NEW_KEY = "org.tokenbench.ui.commands.newKey";
    public static final String VERIFY_CODE = "org.tokenbench.ui.commands.verifyCode";
    public static final String KEY_TO_TOKEN = "org.tokenbench.ui.commands.keyToToken";
    public static final String COPY_URI = "org.tokenbench.ui.commands.copyUri";
    public static final String BACKUP_KEY = "org.tokenbench.ui.commands.backupKey";
    public static final String RESTORE_KEY = "org.tokenbench.ui.commands.restoreKey";
    public static final String MARK_RETIRED = "org.tokenbench.ui.commands.markRetired";
    public static final String MARK_LOST = "org.tokenbench.ui.commands.markLost";

    /** The platform's Refresh (F5) and Delete: views activate their own handlers for them where they fit. */
    public static final String REFRESH = org.eclipse.ui.IWorkbenchCommandConstants.FILE_REFRESH;
    public static final String DELETE = org.eclipse.ui.IWorkbenchCommandConstants.EDIT_DELETE;

    private TokenBenchCommands() {
    }
}
