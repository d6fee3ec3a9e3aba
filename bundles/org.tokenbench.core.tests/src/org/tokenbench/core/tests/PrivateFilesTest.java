package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/** Every file TokenBench writes: owner-only, whole or not at all, and never through a link, pipe, device or folder. */
class PrivateFilesTest {

    private static final byte[] BACKUP = "tokenbench-backup v1 ...".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndHoldsExactlyTheContent() throws Exception {
        Path out = dir.resolve("key.tbk");
        PrivateFiles.write(out, BACKUP);
        assertArrayEquals(BACKUP, Files.readAllBytes(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(List.of(out), Files.list(dir).toList(), "no temporary file is left beside it");
    }

    @Test
    void anExistingFileIsReplacedAndLosesItsLooserMode() throws Exception {
        Path out = Files.writeString(dir.resolve("key.tbk"), "the old backup, a longer text than the new one");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(out, BACKUP);
        assertArrayEquals(BACKUP, Files.readAllBytes(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aSymlinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = Files.writeString(dir.resolve("authorized_keys"), "ssh-ed25519 AAAA user");
        Path link = Files.createSymbolicLink(dir.resolve("key.tbk"), victim);
        TokenException e = assertThrows(TokenException.class, () -> PrivateFiles.write(link, BACKUP));
        assertEquals("tokenbench:0x000B", e.code().toString());
        assertTrue(e.getMessage().contains("not a regular file (a symbolic link)"), e.getMessage());
        assertEquals("ssh-ed25519 AAAA user", Files.readString(victim));
    }

    @Test
    void aFifoAFolderAndADeviceAreRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path folder = Files.createDirectory(dir.resolve("folder"));
        for (Path target : List.of(fifo, folder, Path.of("/dev/null"))) {
            TokenException e = assertThrows(TokenException.class, () -> PrivateFiles.write(target, BACKUP), target.toString());
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
        assertTrue(Files.isDirectory(folder) && Files.list(folder).findAny().isEmpty(), "the folder is left as it was");
    }

    @Test
    void propertiesAreWrittenTheSameWay() throws Exception {
        Properties state = new Properties();
        state.setProperty("safeid/TB-0001", "3");
        Path out = dir.resolve("state").resolve("tries.properties");
        PrivateFiles.privateDirectory(out.getParent());
        PrivateFiles.writeProperties(out, state, "test");
        Properties back = new Properties();
        try (var in = Files.newBufferedReader(out)) {
            back.load(in);
        }
        assertEquals("3", back.getProperty("safeid/TB-0001"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.getParent())));
    }
}
