package org.tokenbench.core.device;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/**
 * A transport feature for transports that reach devices through a vendor's shared library (GM/T 0016 SKF, PKCS#11):
 * which library serves which key family, kept in TokenBench's home and shared by the workbench and the CLI.
 */
@ConsumerType
public interface VendorLibraries {

    /** family → library, as configured. */
    Map<String, Path> configured() throws TokenException;

    /** Saves {@code family → library}; refuses a file that does not load as such a library. */
    void configure(String family, Path library) throws TokenException;

    /** Forgets a family's library. */
    void remove(String family) throws TokenException;

    /** The slot property naming the library a key was found through (its absolute path). */
    String LIBRARY_PROPERTY = "library";
    /** The slot property naming the configured family of that library, when it has one. */
    String FAMILY_PROPERTY = "family";

    /**
     * Uses a library for this process only (a command's {@code --library PATH}), as if configured: its keys are
     * reported like the others', with {@link #LIBRARY_PROPERTY} set to the returned absolute path. Refuses a file
     * that does not load.
     */
    Path attach(Path library) throws TokenException;
}
