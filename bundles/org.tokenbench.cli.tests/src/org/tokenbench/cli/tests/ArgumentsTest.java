package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tokenbench.cli.internal.Arguments;
import org.tokenbench.cli.internal.UsageException;

class ArgumentsTest {

    private static final Set<String> SWITCHES = Set.of("json");
    private static final Set<String> OPTIONS = Set.of("time", "digits");

    @Test
    void readsOptionsSwitchesAndPositionalsInAnyOrder() throws UsageException {
        Arguments a = Arguments.parse(List.of("a.png", "--time", "59", "--json", "--digits=8", "b.png"), SWITCHES, OPTIONS);
        assertEquals(Optional.of("59"), a.option("time"));
        assertEquals(Optional.of("8"), a.option("digits"));
        assertTrue(a.has("json"));
        assertEquals(List.of("a.png", "b.png"), a.positionals());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        Arguments a = Arguments.parse(List.of("--", "--json"), SWITCHES, OPTIONS);
        assertFalse(a.has("json"));
        assertEquals(List.of("--json"), a.positionals());
    }

    @Test
    void rejectsWhatItCannotMeanExactly() {
        assertEquals("unknown option --jsn",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--jsn"), SWITCHES, OPTIONS)).getMessage());
        assertEquals("unknown option --secret",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--secret", "x"), SWITCHES, OPTIONS)).getMessage());
        assertEquals("--time needs a value",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--time"), SWITCHES, OPTIONS)).getMessage());
        assertEquals("--json takes no value",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--json=1"), SWITCHES, OPTIONS)).getMessage());
        assertEquals("--time is given twice",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--time", "1", "--time=2"), SWITCHES, OPTIONS)).getMessage());
    }

    @Test
    void requiredOptionNamesWhatIsMissing() throws UsageException {
        Arguments a = Arguments.parse(List.of(), SWITCHES, OPTIONS);
        assertEquals("--time is required", assertThrows(UsageException.class, () -> a.required("time")).getMessage());
    }
}
