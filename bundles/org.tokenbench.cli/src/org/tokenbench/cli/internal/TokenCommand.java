package org.tokenbench.cli.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Hex;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.TokenProgrammer;
import org.tokenbench.pcsc.ApduTrace;
import org.tokenbench.pcsc.ReaderSessions;

/**
 * {@code tokenbench token info|program --reader R …}: the token on a reader, through whichever installed driver
 * recognises it.
 */
final class TokenCommand extends CommandGroup {

    private static final String USAGE = "token info --reader R | token program --reader R (--uri-file F | --secret-file F) "
            + "[--algorithm A] [--period S] [--display S] [--profile N] [--key-file F] [--max-skew S] [--force] [--trace] "
            + "| token sync-clock --reader R [--key-file F]";
    /** tokenbench:0x000A: the family cannot set its clock without reprogramming. */
    private static final long NO_CLOCK_ONLY_SYNC = 10;

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String summary() {
        return "read (info) or program a token on a PC/SC reader";
    }

    TokenCommand() {
        subcommand("info", this::info);
        subcommand("program", this::program);
        subcommand("sync-clock", this::syncClock);
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    private int info(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json", "trace"), Set.of("reader"));
        try (ReaderSessions.Opened opened = open(arguments, console)) {
            Instant pc = Instant.now();
            Json json = new Json().field("reader", arguments.required("reader")).field("driver", opened.driver().info().id())
                    .field("family", opened.match().family()).field("serial", opened.session().identity().serial());
            if (opened.session().feature(TokenClock.class).isPresent()) {
                Instant token = opened.session().feature(TokenClock.class).get().tokenTime();
                json.field("tokenTime", token.toString()).field("pcTime", pc.toString())
                        .field("skewSeconds", token.getEpochSecond() - pc.getEpochSecond());
            }
            if (arguments.has("json")) {
                console.out().println(json);
            } else {
                console.out().println(opened.session().identity().serial());
                console.err().println(json);
            }
            return ExitCode.OK;
        }
    }

    private int program(List<String> args, Console console) throws UsageException, TokenException {
        Set<String> options = new HashSet<>(CredentialOptions.OPTIONS);
        options.addAll(Set.of("reader", "display", "profile", "key-file", "max-skew"));
        Arguments arguments = Arguments.parse(args, Set.of("json", "force", "trace"), options);
        int display = CredentialOptions.intOption(arguments, "display", 30);
        int profile = CredentialOptions.intOption(arguments, "profile", 0);
        Duration maxSkew = Duration.ofSeconds(CredentialOptions.longOption(arguments, "max-skew", TokenProgrammer.defaultMaxSkew().toSeconds()));
        ConsoleInteraction interaction = new ConsoleInteraction(console);
        try (OtpAccount account = CredentialOptions.read(arguments, console);
             ReaderSessions.Opened opened = open(arguments, console)) {
            account.warnings().forEach(w -> console.err().println("warning: " + w));
            useKeyFile(arguments, opened, console);
            TokenProgrammer.Result result = new TokenProgrammer(Clock.systemUTC(), maxSkew)
                    .program(opened.session(), account, display, profile, arguments.has("force"), interaction, progress(console));
            if (arguments.has("json")) {
                console.out().println(new Json().field("serial", result.token().serial()).field("driver", result.token().driverId())
                        .field("skewBeforeSeconds", result.skewBefore().toSeconds()).field("confirmedStepOffset", result.confirmedOffset()));
            } else {
                console.out().println(result.token().serial());
            }
            return ExitCode.OK;
        }
    }

    /** Sets the token clock to the PC clock, on families that can do so without touching their seeds. */
    private int syncClock(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("trace"), Set.of("reader", "key-file"));
        try (ReaderSessions.Opened opened = open(arguments, console)) {
            useKeyFile(arguments, opened, console);
            ClockSetting clock = opened.session().feature(ClockSetting.class).orElseThrow(() -> new TokenException(
                    ErrorCode.of(ErrorCode.TOKENBENCH, NO_CLOCK_ONLY_SYNC), "the " + opened.match().family()
                            + " token cannot set its clock alone (its firmware may drop the seed): reprogram it to set the clock"));
            Instant before = opened.session().feature(TokenClock.class).isPresent()
                    ? opened.session().feature(TokenClock.class).get().tokenTime() : null;
            Instant now = Instant.now();
            clock.setClock(now, progress(console));
            if (before != null) {
                console.err().println("token clock was " + (before.getEpochSecond() - now.getEpochSecond()) + " s off; now set to the PC clock");
            }
            console.out().println(opened.session().identity().serial());
            return ExitCode.OK;
        }
    }

    private static void useKeyFile(Arguments arguments, ReaderSessions.Opened opened, Console console) throws UsageException, TokenException {
        if (arguments.option("key-file").isEmpty()) {
            return;
        }
        try (Secret key = keyFrom(arguments.required("key-file"), console)) {
            opened.session().feature(AccessKey.class)
                    .orElseThrow(() -> new UsageException("this token takes no access key; drop --key-file")).use(key);
        } catch (IllegalArgumentException wrongKeyShape) {
            throw new UsageException("--key-file: " + wrongKeyShape.getMessage());
        }
    }

    private static ReaderSessions.Opened open(Arguments arguments, Console console) throws UsageException, TokenException {
        String reader = arguments.required("reader");
        DriverRegistry registry = console.service(DriverRegistry.class)
                .orElseThrow(() -> new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 1), "the driver registry did not start"));
        // The trace redacts secret-bearing bodies by construction, so it is safe on a terminal.
        ApduTrace trace = arguments.has("trace") ? line -> console.err().println("apdu " + line) : ApduTrace.NONE;
        return ReaderSessions.open(reader, registry.drivers(), new ConsoleInteraction(console), trace);
    }

    /** The token's access key in hex in a file, never on the command line: the SM4 key, or a Molto2 customer key. */
    private static Secret keyFrom(String file, Console console) throws TokenException {
        char[] text = SecretInput.readChars(file, console.in());
        try {
            return Secret.adopt(Hex.parse(java.nio.CharBuffer.wrap(text)));
        } catch (IllegalArgumentException e) {
            throw new TokenException(SecretInput.UNREADABLE_INPUT, "the key file must hold 32 hex digits: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(text, '\0');
        }
    }

    private static ProgressMonitor progress(Console console) {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
                console.err().println(task + " ...");
            }

            @Override
            public void worked(int work, String step) {
                console.err().println("  " + step);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }
}
