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

    private TokenBenchCommands() {
    }
}
