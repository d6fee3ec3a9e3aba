package org.tokenbench.ui;

/**
 * The workbench's perspectives, one per task. Each keeps the Devices view on the left and stacks its task's views in
 * one folder beside it. The Fleet perspective exists only when the fleet bundle is installed (an activity hides it).
 */
public final class TaskPerspectives {

    /** Program, enroll and batch-program TOTP tokens; what a new user sees first. */
    public static final String TOKENS = "org.tokenbench.ui.perspectives.tokens";
    /** Guomi SM2 USB keys and OATH credential stores. */
    public static final String KEYS = "org.tokenbench.ui.perspectives.keys";
    /** Inventory and the audit trail (fleet bundle). */
    public static final String FLEET = "org.tokenbench.ui.perspectives.fleet";
    /** Error codes explained, installed drivers. */
    public static final String DIAGNOSTICS = "org.tokenbench.ui.perspectives.diagnostics";

    private TaskPerspectives() {
    }
}
