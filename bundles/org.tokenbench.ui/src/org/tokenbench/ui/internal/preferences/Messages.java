package org.tokenbench.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** The preference pages' texts; messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String language_description;
    public static String language_nextStart;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
