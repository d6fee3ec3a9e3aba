package org.tokenbench.core;

import java.nio.file.Path;

/** Where TokenBench keeps its user state: {@code $TOKENBENCH_HOME}, or {@code ~/.tokenbench}. */
public final class TokenBenchHome {

    private TokenBenchHome() {
    }

    public static Path directory() {
        String configured = System.getenv("TOKENBENCH_HOME");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".tokenbench");
    }
}
