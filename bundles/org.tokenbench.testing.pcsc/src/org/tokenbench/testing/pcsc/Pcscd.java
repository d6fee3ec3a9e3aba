package org.tokenbench.testing.pcsc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The running pcscd as a test found it, so the test can stop or kill it and start it again the same way (same
 * executable, arguments and log). Started from the JVM, which closes every inherited descriptor but the standard
 * ones: a lock the test run holds (CI's pcscd lock) is never passed on to the new daemon. It runs in a session of its
 * own ({@code setsid}), so ending the test run's process group leaves the shared daemon running.
 */
public record Pcscd(long pid, List<String> command, Optional<File> log) {

    public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Duration SOON = Duration.ofSeconds(10);

    /** The one running pcscd. */
    public static Pcscd find() throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-x", "pcscd").start();
        List<String> pids = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        pgrep.waitFor();
        if (pids.size() != 1) {
            throw new IllegalStateException("exactly one pcscd must run: " + pids);
        }
        long pid = Long.parseLong(pids.get(0).strip());
        Path process = Path.of("/proc", Long.toString(pid));
        List<String> command = new ArrayList<>(Arrays.asList(Files.readString(process.resolve("cmdline")).split("\0")));
        // argv[0] may be a bare "pcscd" that this JVM's PATH does not reach: start the same executable
        command.set(0, Files.readSymbolicLink(process.resolve("exe")).toString());
        Path out = process.resolve("fd/1");
        Optional<File> log = Optional.empty();
        if (Files.isSymbolicLink(out)) {
            Path target = Files.readSymbolicLink(out);
            if (Files.isRegularFile(target)) {
                log = Optional.of(target.toFile());
            }
        }
        return new Pcscd(pid, command, log);
    }

    /** SIGTERM, and waits until it is gone. */
    public void stop() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        awaitGone();
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no chance to tell its clients. */
    public void kill() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone();
    }

    /** Starts it again as it was started, and waits for its socket. */
    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(SOCKET); // a stale socket from a killed pcscd keeps the new one from starting
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add("setsid");
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        log.ifPresentOrElse(file -> builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(file)),
                () -> builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
        builder.start();
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!Files.exists(SOCKET)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the restarted pcscd made no socket within " + SOON);
            }
            Thread.sleep(20);
        }
    }

    private void awaitGone() throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd " + pid + " did not end within " + SOON);
            }
            Thread.sleep(20);
        }
    }
}
