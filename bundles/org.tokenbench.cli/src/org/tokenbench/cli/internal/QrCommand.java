package org.tokenbench.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.qr.AwtScreenCapture;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.qr.Region;

/**
 * {@code tokenbench qr decode FILE…|-}, {@code qr scan} and {@code qr encode}: QR codes from image files, from
 * every monitor, and for enrollment. Each payload is printed alone on its line (it is what the user asked for;
 * redirect it to a protected file); what a payload is, and why it is not a usable OTP code, goes to stderr.
 */
final class QrCommand extends CommandGroup {

    private static final String USAGE = "qr decode FILE…|- [--json] | qr scan [--json] | qr encode --uri-file F --out PNG [--module N]";

    QrCommand() {
        subcommand("decode", this::decode);
        subcommand("scan", this::scan);
        subcommand("encode", this::encode);
    }

    @Override
    public String name() {
        return "qr";
    }

    @Override
    public String summary() {
        return "find and decode QR codes in image files or on every monitor; make a QR image for a URI";
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    /** Exit 0 when a code was found, 1 when none, 3 when a file could not be read (the others are still searched). */
    private int decode(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Set.of());
        List<String> files = arguments.positionals();
        if (files.isEmpty()) {
            throw new UsageException("name at least one image file, or - for image bytes on standard input: " + USAGE);
        }
        QrScanner scanner = new QrScanner();
        List<FoundCode> found = new ArrayList<>();
        TokenException firstFailure = null;
        for (String file : files) {
            try {
                found.addAll(file.equals("-") ? scanner.decodeBytes(stdin(console), "standard input") : scanner.decodeFile(Path.of(file)));
            } catch (QrException e) {
                if (files.size() == 1) {
                    throw e;
                }
                firstFailure = firstFailure == null ? e : firstFailure;
                console.err().println("tokenbench qr decode: " + console.explain(e));
            }
        }
        print(found, arguments.has("json"), console);
        if (firstFailure != null) {
            return ExitCode.FAILED;
        }
        return found.isEmpty() ? noneFound(console, "no QR code found in " + String.join(", ", files)) : ExitCode.OK;
    }

    private int scan(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Set.of());
        List<FoundCode> found = new QrScanner().scanScreens(new AwtScreenCapture());
        print(found, arguments.has("json"), console);
        return found.isEmpty()
                ? noneFound(console, "no QR code on any monitor: show the code unobscured, at least ~80 pixels wide, then scan again")
                : ExitCode.OK;
    }

    /** Writes a PNG of the QR code for the URI in --uri-file, e.g. to add the same key to a phone app. */
    private int encode(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("uri-file", "out", "module"));
        Path out = Path.of(arguments.required("out"));
        int module = CredentialOptions.intOption(arguments, "module", 8);
        if (module < 1 || module > 64) {
            throw new UsageException("--module is the pixels per module, 1 to 64; got " + module);
        }
        char[] uri = SecretInput.readChars(arguments.required("uri-file"), console.in());
        try {
            String text = new String(uri);
            // Only codes a phone can use: the OTP engine refuses malformed URIs with the reason.
            String name;
            try (OtpAccount account = org.tokenbench.otp.OtpAuthUri.parse(text)) {
                name = account.displayName();
            }
            PrivateFiles.write(out, QrEncoder.png(text, module));
            console.err().println("QR code for " + name + " written to " + out + " (readable by you only: it holds the key)");
            return ExitCode.OK;
        } finally {
            java.util.Arrays.fill(uri, '\0');
        }
    }

    private static void print(List<FoundCode> found, boolean json, Console console) {
        for (FoundCode code : found) {
            if (json) {
                Json line = new Json().field("payload", code.payload()).field("kind", code.classification().kind().name())
                        .field("accounts", code.classification().accounts()).field("warnings", code.classification().warnings())
                        .field("problem", code.classification().problem().orElse(null))
                        .field("problemCode", code.classification().code().map(Object::toString).orElse(null))
                        .field("source", code.source().name())
                        .field("monitor", code.source().isMonitor() ? code.source().monitor() + 1 : null)
                        .field("region", json(code.region()));
                if (code.source().isMonitor()) {
                    line.field("desktopRegion", json(code.desktopRegion()));
                }
                console.out().println(line);
            } else {
                console.out().println(code.payload());
            }
            if (!code.classification().kind().isUsable()) {
                console.err().println(code.where() + " at " + code.region() + ": " + code.classification().summary());
            }
        }
    }

    private static Json json(Region r) {
        return new Json().field("x", r.x()).field("y", r.y()).field("width", r.width()).field("height", r.height());
    }

    private static int noneFound(Console console, String message) {
        console.err().println(message);
        return ExitCode.NEGATIVE;
    }

    private static byte[] stdin(Console console) throws QrException {
        try {
            return console.in().readNBytes(256 * 1024 * 1024);
        } catch (IOException e) {
            throw new QrException(QrProblem.FILE_UNREADABLE, "standard input cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
