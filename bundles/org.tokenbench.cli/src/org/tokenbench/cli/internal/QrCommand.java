package org.tokenbench.cli.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.qr.AwtScreenCapture;
import org.tokenbench.qr.ScreenCaptures;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.qr.Region;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench qr decode FILE…|-}, {@code qr scan} and {@code qr encode}: QR codes from image files, from
 * every monitor, and for enrollment. Each payload is printed alone on its line (it is what the user asked for;
 * redirect it to a protected file); what a payload is, and why it is not a usable OTP code, goes to stderr.
 */
@Command(name = "qr", description = "Find and decode QR codes in image files or on every monitor; make a QR image for a URI.",
        subcommands = { QrCommand.Decode.class, QrCommand.Scan.class, QrCommand.Encode.class })
final class QrCommand {


    @Command(name = "decode", description = "Every QR code in PNG/JPEG/GIF/BMP images, each payload alone on its line; "
            + "exit 0 found, 1 none, 3 a file could not be read (the others are still searched).")
    static final class Decode implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Image files; - reads image bytes from standard input.")
        private List<InputFile> files = new ArrayList<>();
        @Option(names = "--json", description = "One JSON object per code: payload, kind, accounts, warnings, problem, region.")
        private boolean json;

        Decode(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            QrScanner scanner = new QrScanner();
            List<FoundCode> found = new ArrayList<>();
            TokenException firstFailure = null;
            for (InputFile file : files) {
                try {
                    found.addAll(file.isStandardInput() ? scanner.decodeBytes(stdin(), "standard input")
                            : scanner.decodeFile(file.path()));
                } catch (TokenException e) {
                    if (files.size() == 1) {
                        throw e;
                    }
                    firstFailure = firstFailure == null ? e : firstFailure;
                    context.err().println("tokenbench qr decode: " + context.explain(e));
                }
            }
            print(found, json, context);
            if (firstFailure != null) {
                return ExitCode.FAILED;
            }
            return found.isEmpty() ? noneFound(context, "no QR code found in " + String.join(", ", files.stream().map(InputFile::name).toList()))
                    : ExitCode.OK;
        }

        private byte[] stdin() throws QrException {
            try {
                return ImageFiles.readAtMost(context.in(), "standard input");
            } catch (IOException e) {
                throw new QrException(QrProblem.FILE_UNREADABLE, "standard input cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    @Command(name = "scan", description = "The same for a capture of every monitor (device resolution on HiDPI screens; on Wayland through the desktop's screenshot portal).")
    static final class Scan implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--json", description = "One JSON object per code, naming the monitor and the position on the desktop.")
        private boolean json;

        Scan(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            List<FoundCode> found = new QrScanner().scanScreens(ScreenCaptures.forThisSession(new AwtScreenCapture()));
            print(found, json, context);
            return found.isEmpty()
                    ? noneFound(context, "no QR code on any monitor: show the code unobscured, at least ~80 pixels wide, then scan again")
                    : ExitCode.OK;
        }
    }

    @Command(name = "encode", description = "Write a QR image (PNG) of an otpauth URI for a phone app, readable by you only (it holds the key).")
    static final class Encode implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--uri-file", required = true, paramLabel = "FILE", description = "The otpauth URI (- reads standard input).")
        private InputFile uriFile;
        @Option(names = "--out", required = true, paramLabel = "PNG", description = "The image to write (mode 0600); - writes the PNG to standard output.")
        private String out;
        @Option(names = "--module", paramLabel = "PIXELS", converter = ModuleConverter.class, description = "Pixels per module, 1 to 64 (default 8).")
        private int module = 8;

        Encode(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            char[] uri = uriFile.readText(context);
            try {
                // Only codes a phone can use: the OTP engine refuses malformed URIs with the reason.
                String name;
                try (OtpAccount account = OtpAuthUri.parse(java.nio.CharBuffer.wrap(uri))) {
                    name = account.displayName();
                }
                // ZXing's encoder takes a String: the one copy of the key this command cannot avoid.
                String where = Outputs.write(out, QrEncoder.png(new String(uri), module), context);
                context.err().println("QR code for " + Outputs.oneLine(name) + " written to " + where + (out.equals("-") ? "" : " (readable by you only: it holds the key)"));
                return ExitCode.OK;
            } finally {
                Arrays.fill(uri, '\0');
            }
        }
    }

    static final class ModuleConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Numbers.inRange(value, 1, 64, " pixels");
        }
    }

    private static void print(List<FoundCode> found, boolean json, CommandContext context) {
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
                context.out().println(line);
            } else {
                context.out().println(Outputs.oneLine(code.payload()));
            }
            if (!code.classification().kind().isUsable()) {
                context.err().println(Outputs.oneLine(code.where() + " at " + code.region() + ": " + code.classification().summary()));
            }
        }
    }

    private static Json json(Region r) {
        return new Json().field("x", r.x()).field("y", r.y()).field("width", r.width()).field("height", r.height());
    }

    private static int noneFound(CommandContext context, String message) {
        context.err().println(message);
        return ExitCode.NEGATIVE;
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new QrCommand();
        }
    }
}
