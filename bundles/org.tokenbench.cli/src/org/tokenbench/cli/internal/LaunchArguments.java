package org.tokenbench.cli.internal;

import java.util.Arrays;

/**
 * The command's words as the launcher passes them, on either launch path (OSGi or the plain fast path). Plain Java on
 * purpose: the fast path has no Equinox classes to load.
 */
final class LaunchArguments {

    /**
     * Set by the launcher, which then prefixes every word of the command with {@value #ESCAPE}: Equinox consumes its
     * own options ({@code -data}, {@code -clean}, {@code -configuration}…) wherever they appear, so a command's
     * argument spelled like one would otherwise never reach the command.
     */
    static final String ESCAPED_PROPERTY = "tokenbench.escapedArguments";
    static final String ESCAPE = "+";

    private LaunchArguments() {
    }

    /** The words of this process's command: unescaped when the launcher escaped them. */
    static String[] commandWords(String[] arguments) {
        return commandWords(arguments, Boolean.getBoolean(ESCAPED_PROPERTY));
    }

    /** The command's words: with escaping, only the escaped ones (anything else came from Equinox), unescaped. */
    static String[] commandWords(String[] arguments, boolean escaped) {
        if (arguments == null) {
            return new String[0];
        }
        if (!escaped) {
            return arguments;
        }
        return Arrays.stream(arguments).filter(a -> a.startsWith(ESCAPE)).map(a -> a.substring(ESCAPE.length())).toArray(String[]::new);
    }
}
