package org.tokenbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchArgumentsTest {

    @Test
    void anImageIsOpenedByItsAbsolutePath(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("code.png"), new byte[] {1});
        assertEquals(Optional.of(dir.resolve("code.png")), LaunchArguments.parse(new String[] {"--open", "code.png"}, dir).image());
        assertEquals(Optional.of(dir.resolve("code.png")), LaunchArguments.parse(new String[] {"./code.png"}, dir).image());
        assertEquals(Optional.empty(), LaunchArguments.parse(new String[0], dir).image());
    }

    @Test
    void anOtpauthUriIsRefusedBecauseEveryoneCanReadArguments(@TempDir Path dir) {
        LaunchArguments parsed = LaunchArguments.parse(new String[] {"OTPAUTH://totp/a?secret=JBSWY3DPEHPK3PXP"}, dir);
        assertTrue(parsed.image().isEmpty());
        String problem = parsed.problem().orElseThrow();
        assertEquals(Messages.launchOtpauthRefused, problem, "the translated refusal (the launcher script prints its English text)");
        assertTrue(problem.contains("--open FILE"), problem);
        assertEquals(2, LaunchArguments.USAGE, "a usage error, as in the CLI");
        assertTrue(!problem.contains("JBSWY3DP"), "the refusal repeats the key");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertTrue(LaunchArguments.parse(new String[] {"--open", "gone.png"}, dir).problem().orElseThrow().contains("gone.png"));
    }
}
