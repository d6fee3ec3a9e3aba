package org.tokenbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Issue 13: words the launcher escaped past Equinox reach the command as typed; Equinox's leftovers do not. */
class HeadlessArgumentsTest {

    @Test
    void escapedWordsAreUnescapedAndEverythingElseIsEquinoxs() {
        assertArrayEquals(new String[] {"diagnose", "-clean", "-data", "+x", "", "two words"},
                LaunchArguments.commandWords(new String[] {"+diagnose", "-noSplash", "+-clean", "+-data", "++x", "+", "+two words"}, true));
    }

    @Test
    void withoutTheLaunchersEscapingTheWordsAreTakenAsTheyCome() {
        assertArrayEquals(new String[] {"version"}, LaunchArguments.commandWords(new String[] {"version"}, false));
        assertArrayEquals(new String[0], LaunchArguments.commandWords(null, true));
    }
}
