package org.tokenbench.core.install;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Drivers a user added to an installed product without rebuilding it. The product folder is read-only and shared by
 * every user, so added driver bundles live in the user's own {@code drivers} folder under
 * {@link org.tokenbench.core.TokenBenchHome}; at every start the framework is brought in line with that folder (a jar
 * there is installed and started, a bundle whose jar is gone is uninstalled). A driver that does not resolve is
 * reported here with its bundle's name and left alone; the others keep working. The CLI ({@code tokenbench driver
 * install|list|remove}) and the workbench call this OSGi service. TokenBench implements it.
 */
@ProviderType
public interface DriverInstaller {

    /** tokenbench:0x0041: the file is not a driver bundle that can be installed. */
    ErrorCode NOT_INSTALLABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x41);
    /** tokenbench:0x0042: the bundle does not resolve against this product (missing imports, API version). */
    ErrorCode UNRESOLVED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x42);
    /** tokenbench:0x0043: no added driver has that name. */
    ErrorCode NOT_INSTALLED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x43);
    /** tokenbench:0x0044: an https download without a (valid) SHA-256 digest to check it against, and not trusted. */
    ErrorCode DIGEST_NEEDED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x44);
    /** tokenbench:0x0045: the jar's SHA-256 differs from the digest its vendor published. */
    ErrorCode DIGEST_MISMATCH = ErrorCode.of(ErrorCode.TOKENBENCH, 0x45);

    /** An added bundle: its name and version, its jar in the user's folder, and why it is not running if it is not. */
    record AddedBundle(String symbolicName, String version, Path file, boolean active, Optional<String> problem) {
    }

    /** The user's drivers folder. */
    Path folder();

    /** Every bundle in the user's drivers folder, sorted by name. */
    List<AddedBundle> added();

    /**
     * Copies the bundles of {@code source} into the user's folder and starts them: a bundle jar, or a p2 repository
     * folder (its {@code plugins/*.jar} that TokenBench does not ship itself). A bundle of the same name added
     * before is replaced. A bundle that does not resolve is taken out again and reported with its name
     * ({@link #UNRESOLVED}); nothing else is touched.
     */
    List<AddedBundle> install(Path source) throws TokenException;

    /** Stops, uninstalls and deletes the added bundle {@code symbolicName} ({@link #NOT_INSTALLED} if there is none). */
    AddedBundle remove(String symbolicName) throws TokenException;
}
