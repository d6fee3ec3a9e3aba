package org.tokenbench.core.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.TokenException;

/**
 * Fetches a driver jar from an https URL into a temporary file, for {@link DriverInstaller#install}. The jar becomes
 * code TokenBench starts at every launch, so by default a download must match the SHA-256 digest its vendor
 * publishes; without one, only when the user says they trust the URL (TLS proves the server, not the file).
 */
public final class DriverDownload {

    /** At most this many bytes: a driver jar is small, an endless answer must not fill the disk. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private DriverDownload() {
    }

    /**
     * Downloads {@code uri} (https only) to a temporary file the caller deletes.
     *
     * @param sha256 the expected SHA-256 of the jar, as hex; when given, a jar that differs is refused
     * @param trustUrl without {@code sha256}, install what the URL serves anyway
     */
    public static Path fetch(URI uri, Optional<String> sha256, boolean trustUrl) throws TokenException {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new TokenException(DriverInstaller.NOT_INSTALLABLE, "drivers are downloaded over https only, not '" + uri.getScheme() + ":'");
        }
        Optional<byte[]> expected = sha256.isPresent() ? Optional.of(parseDigest(sha256.get())) : Optional.empty();
        if (expected.isEmpty() && !trustUrl) {
            throw new TokenException(DriverInstaller.DIGEST_NEEDED, "downloading " + uri + " needs the jar's SHA-256 digest from its vendor "
                    + "(--sha256 HEX), or --trust-url to install whatever that address serves");
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("tokenbench-driver-", ".jar");
            // Plain HttpURLConnection: the product's bundled runtime has no java.net.http module.
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) Duration.ofSeconds(20).toMillis());
            connection.setReadTimeout((int) Duration.ofMinutes(2).toMillis());
            connection.setInstanceFollowRedirects(false);
            if (connection.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new TokenException(DriverInstaller.NOT_INSTALLABLE, "downloading " + uri + " failed: HTTP " + connection.getResponseCode());
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream body = new DigestInputStream(connection.getInputStream(), digest); OutputStream out = Files.newOutputStream(copy)) {
                copyBounded(body, out, uri);
            }
            checkDigest(expected, digest.digest(), uri.toString());
            Path result = copy;
            copy = null;
            return result;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new TokenException(DriverInstaller.NOT_INSTALLABLE, "cannot download " + uri + ": " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    System.err.println("TokenBench: cannot delete the partial download " + copy + ": " + e.getMessage());
                }
            }
        }
    }

    /** Refuses {@code jar} unless its SHA-256 is {@code sha256} (a local file given with a digest). */
    public static void verify(Path jar, String sha256) throws TokenException {
        byte[] expected = parseDigest(sha256);
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            checkDigest(Optional.of(expected), digest.digest(), jar.toString());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new TokenException(DriverInstaller.NOT_INSTALLABLE, "cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    private static void copyBounded(InputStream in, OutputStream out, URI uri) throws IOException, TokenException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > MAX_BYTES) {
                throw new TokenException(DriverInstaller.NOT_INSTALLABLE, uri + " sends more than " + MAX_BYTES / (1024 * 1024) + " MB: not a driver jar");
            }
            out.write(buffer, 0, n);
        }
    }

    private static void checkDigest(Optional<byte[]> expected, byte[] actual, String what) throws TokenException {
        if (expected.isPresent() && !MessageDigest.isEqual(expected.get(), actual)) {
            throw new TokenException(DriverInstaller.DIGEST_MISMATCH, what + " is not the jar its vendor published: its SHA-256 is "
                    + HexFormat.of().formatHex(actual) + ", expected " + HexFormat.of().formatHex(expected.get()));
        }
    }

    private static byte[] parseDigest(String hex) throws TokenException {
        String clean = hex.strip().toLowerCase(Locale.ROOT);
        if (!clean.matches("[0-9a-f]{64}")) {
            throw new TokenException(DriverInstaller.DIGEST_NEEDED, "a SHA-256 digest is 64 hex digits, not '" + hex + "'");
        }
        return HexFormat.of().parseHex(clean);
    }
}
