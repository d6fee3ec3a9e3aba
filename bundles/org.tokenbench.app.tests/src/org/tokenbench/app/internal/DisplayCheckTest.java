package org.tokenbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** No SWT: what the application says before it would touch GTK. */
class DisplayCheckTest {

    @Test
    void withoutDisplayOrWaylandTheUserReadsOneLinePointingToTheHeadlessCommands() {
        String line = DisplayCheck.problem("Linux", Map.of("HOME", "/home/u", "DISPLAY", " ")).orElseThrow();
        assertTrue(line.startsWith("tokenbench: no display"), line);
        assertTrue(line.contains("tokenbench --help"), line);
        assertEquals(-1, line.indexOf('\n'), "one line");
    }

    @Test
    void x11OrWaylandOrAnotherPlatformIsFine() {
        assertEquals(Optional.empty(), DisplayCheck.problem("Linux", Map.of("DISPLAY", ":0")));
        assertEquals(Optional.empty(), DisplayCheck.problem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertEquals(Optional.empty(), DisplayCheck.problem("Windows 11", Map.of()));
    }

    @Test
    void aDisplayThatCannotBeOpenedIsNamedOnOneLineWithoutItsControlCharacters() {
        String line = DisplayCheck.unreachable(Map.of("DISPLAY", ":1234\u001b[2J\nforged"));
        assertTrue(line.contains("DISPLAY=:1234?[2J?forged cannot be opened"), line);
        assertTrue(line.contains("tokenbench --help"), line);
        assertEquals(-1, line.indexOf('\n'), "one line");
        assertTrue(DisplayCheck.unreachable(Map.of("DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-9")).contains("WAYLAND_DISPLAY=wayland-9"));
    }
}
