package org.tokenbench.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.install.DriverDownload;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.core.install.DriverInstaller.AddedBundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench driver install|list|remove}: drivers a user adds to an installed product, kept in
 * {@code ~/.tokenbench/drivers} (the product folder is read-only and shared) and started at every start.
 */
@Command(name = "driver", description = "Add, list or remove device drivers of your own (kept in ~/.tokenbench/drivers).",
        subcommands = { DriverCommand.Install.class, DriverCommand.ListAdded.class, DriverCommand.Remove.class })
final class DriverCommand {

    static String line(AddedBundle added) {
        return String.join("\t", added.symbolicName(), added.version(), added.active() ? "active" : "failed", added.problem().orElse(""));
    }

    static Json toJson(AddedBundle added) {
        return new Json().field("name", added.symbolicName()).field("version", added.version()).field("file", added.file().toString())
                .field("active", added.active()).field("problem", added.problem().orElse(null));
    }

    @Command(name = "install", description = "Add the driver bundle FILE.jar, a jar's https/file URL, or every new bundle of a p2 "
            + "repository folder (or its file: URL); a bundle of the same name is replaced. Prints the bundles added.")
    static final class Install implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "FILE.jar|REPO-URL", description = "A bundle jar, a p2 repository folder, or a URL of either (https for a jar only).")
        private String source;
        @Option(names = "--json", description = "One JSON object per bundle added: name, version, file, active, problem.")
        private boolean json;
        @Option(names = "--sha256", paramLabel = "HEX", description = "The jar's SHA-256 digest as its vendor publishes it: a jar that differs is refused. "
                + "Required for an https URL unless --trust-url.")
        private String sha256;
        @Option(names = "--trust-url", description = "Install what the https URL serves without checking a digest.")
        private boolean trustUrl;

        Install(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            DriverInstaller installer = context.requireService(DriverInstaller.class);
            Path download = null;
            try {
                URI uri = uri(source);
                Path path;
                if (uri != null && "https".equals(uri.getScheme())) {
                    download = DriverDownload.fetch(uri, Optional.ofNullable(sha256), trustUrl);
                    path = download;
                } else {
                    path = uri != null ? Path.of(uri) : Path.of(source);
                    if (!Files.exists(path)) {
                        throw new TokenException(InputFile.UNREADABLE, "'" + source + "' does not exist");
                    }
                    if (sha256 != null) {
                        if (!Files.isRegularFile(path)) {
                            throw new UsageException("--sha256 checks a jar, not the folder '" + source + "'");
                        }
                        DriverDownload.verify(path, sha256);
                    }
                }
                for (AddedBundle added : installer.install(path)) {
                    context.out().println(json ? toJson(added) : line(added));
                }
                return ExitCode.OK;
            } finally {
                if (download != null) {
                    try {
                        Files.deleteIfExists(download);
                    } catch (IOException e) {
                        context.err().println("cannot delete the downloaded copy " + download + ": " + e.getMessage());
                    }
                }
            }
        }

        /** A URL with a scheme (file:, http:, https:), or null for a plain path. */
        private static URI uri(String text) throws UsageException {
            if (!text.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
                return null;
            }
            try {
                URI uri = new URI(text);
                if ("http".equals(uri.getScheme())) {
                    // Code that then starts with every launch is not fetched over a connection anyone on the way can change.
                    throw new UsageException("driver install does not download over plain http: use an https: URL or a downloaded file");
                }
                if (!List.of("file", "https").contains(uri.getScheme())) {
                    throw new UsageException("driver install takes a file, a folder or a file:/https: URL, not '" + uri.getScheme() + ":'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new UsageException("'" + text + "' is not a valid URL: " + e.getReason());
            }
        }
    }

    @Command(name = "list", description = "The drivers you added, one per line: bundle name, version, active or failed, and why (tab-separated). "
            + "tokenbench drivers lists every driver running, shipped or added.")
    static final class ListAdded implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--json", description = "One JSON object per bundle: name, version, file, active, problem.")
        private boolean json;

        ListAdded(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            List<AddedBundle> added = context.requireService(DriverInstaller.class).added();
            added.forEach(a -> context.out().println(json ? toJson(a) : line(a)));
            return added.stream().allMatch(AddedBundle::active) ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    @Command(name = "remove", description = "Stop and delete a driver you added (by bundle name, as driver list shows it).")
    static final class Remove implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "NAME", description = "The bundle's name.")
        private String name;

        Remove(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            AddedBundle removed = context.requireService(DriverInstaller.class).remove(name);
            context.out().println(removed.symbolicName());
            return ExitCode.OK;
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new DriverCommand();
        }
    }
}
