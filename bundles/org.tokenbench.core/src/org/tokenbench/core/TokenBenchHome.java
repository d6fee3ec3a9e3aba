package org.tokenbench.core;

import java.nio.file.Path;

/**
 * Where TokenBench keeps its user state: the system property {@code tokenbench.home} (the build sets it for tests, so
 * no test touches a developer's own state), else {@code $TOKENBENCH_HOME}, else {@code ~/.tokenbench}.
 */
public final class TokenBenchHome {

    private TokenBenchHome() {
    }

    public static Path directory() {
        String property = System.getProperty("tokenbench.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String configured = System.getenv("TOKENBENCH_HOME");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".tokenbench");
    }
}
