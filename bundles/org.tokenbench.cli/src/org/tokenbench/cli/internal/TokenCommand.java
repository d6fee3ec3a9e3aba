package org.tokenbench.cli.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tokenbench token info|program|sync-clock --reader R …}: the token on a reader, through the devices service
 * and whichever installed driver claimed it; what can be set is what the claimed family's descriptor lists.
 */
@Command(name = "token", description = "Read, program or set the clock of a token on a smart-card reader.",
        subcommands = { TokenCommand.Info.class, TokenCommand.Program.class, TokenCommand.SyncClock.class })
final class TokenCommand {

    /** tokenbench:0x000A: the family cannot set its clock without reprogramming. */
    private static final ErrorCode NO_CLOCK_ONLY_SYNC = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0A);
    private static final ErrorCode NOT_PROGRAMMABLE = ErrorCode.of(ErrorCode.TOKENBENCH, TokenProgrammer.NOT_PROGRAMMABLE);
    private static final ErrorCode SETTINGS_UNSUPPORTED = ErrorCode.of(ErrorCode.TOKENBENCH, TokenProgrammer.SETTINGS_UNSUPPORTED);

    /** Which device, and how to reach it. */
    static final class DeviceOptions {
        @Option(names = "--reader", required = true, paramLabel = "READER",
                description = "The reader the token is on (its name as tokenbench readers prints it), a device id or a serial.")
        String reader;

        @Option(names = "--trace", description = "Print every APDU on stderr (secret bodies redacted).")
        boolean trace;

        @Option(names = "--wait", paramLabel = "SECONDS", converter = WaitConverter.class,
                description = "How long to wait while another operation or program uses the reader (default 10).")
        Duration wait = OpenOptions.DEFAULT_WAIT;

        DeviceSession open(CommandContext context) throws TokenException {
            return DeviceAccess.open(context, DeviceAccess.refreshed(context), reader, wait, trace);
        }
    }

    static final class WaitConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofSeconds(Numbers.inRange(value, 0, 3600, " seconds"));
        }
    }

    @Command(name = "info", description = "Print the token's serial; its family, driver and clock skew against the PC go to stderr (all on stdout with --json).")
    static final class Info implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private DeviceOptions device;
        @Option(names = "--json", description = "Print {reader, driver, family, serial, tokenTime, pcTime, skewSeconds}.")
        private boolean json;

        Info(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            try (DeviceSession session = device.open(context)) {
                Instant pc = Instant.now();
                Json details = new Json().field("reader", session.device().slot().name()).field("driver", session.driver().id())
                        .field("family", session.family().id()).field("serial", session.identity().serial());
                Optional<TokenClock> clock = session.feature(TokenClock.class);
                if (clock.isPresent()) {
                    Instant token = clock.get().tokenTime();
                    details.field("tokenTime", token.toString()).field("pcTime", pc.toString())
                            .field("skewSeconds", TokenClock.skew(token, pc).toSeconds());
                }
                if (json) {
                    context.out().println(details);
                } else {
                    context.out().println(session.identity().serial());
                    context.err().println(details);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "program", description = "Check the clocks, burn the settings (and the token clock) then the seed, and ask for "
            + "the code the token shows to confirm it (±1 step). The settings offered are those of the claimed token's family.")
    static final class Program implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private DeviceOptions device;
        @Mixin
        private CredentialOptions credential;
        @Option(names = "--display", paramLabel = "SECONDS", description = "How long the code stays on the display: one of the "
                + "family's display times (tokenbench drivers --json; default 30 where offered).")
        private Integer display;
        @Option(names = "--profile", paramLabel = "N", description = "The slot on multi-profile tokens, from 0 (default 0); a slot "
                + "holding a seed is overwritten only after a \"yes\".")
        private int profile;
        @Option(names = "--key-file", paramLabel = "FILE", description = "The token's access key in hex (the SM4 key, or a Molto2 "
                + "customer key); default: the vendor's published one.")
        private InputFile keyFile;
        @Option(names = "--max-skew", paramLabel = "SECONDS", description = "The largest token-PC clock difference accepted (default 300).")
        private Long maxSkew;
        @Option(names = "--force", description = "Program even when the clocks differ by more than --max-skew (sets the token clock to the PC's).")
        private boolean force;
        @Option(names = "--json", description = "Print {serial, driver, skewBeforeSeconds, confirmedStepOffset}.")
        private boolean json;

        Program(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            Duration skewBound = maxSkew == null ? TokenProgrammer.defaultMaxSkew() : Duration.ofSeconds(maxSkew);
            try (OtpAccount account = credential.read(context);
                 DeviceSession session = device.open(context)) {
                ProgrammingChoices choices = ProgrammingChoices.of(session.family());
                int displaySeconds = display != null ? display : choices.defaultDisplaySeconds();
                checkSettings(choices, account.params(), displaySeconds);
                account.warnings().forEach(w -> context.err().println("warning: " + w));
                try (Secret key = useKeyFile(keyFile, session, context)) {
                    TokenProgrammer.Result result = new TokenProgrammer(Clock.systemUTC(), skewBound,
                            context.service(AuditLog.class).orElse(AuditLog.NONE), context.service(DeviceInventory.class))
                            .program(session, choices, account, displaySeconds, profile, force, context.interaction(), context.progress());
                    context.out().println(json ? new Json().field("serial", result.token().serial()).field("driver", result.token().driverId())
                            .field("skewBeforeSeconds", result.skewBefore().toSeconds()).field("confirmedStepOffset", result.confirmedOffset())
                            : result.token().serial());
                    return ExitCode.OK;
                }
            }
        }

        /**
         * What the command line asks for must be what the claimed family offers (a usage error naming its choices);
         * settings that came from an otpauth URI the family cannot hold make the operation fail instead (exit 3), as
         * the file, not the command line, is wrong.
         */
        private void checkSettings(ProgrammingChoices choices, OtpParams params, int displaySeconds) throws UsageException, TokenException {
            if (!choices.programmable()) {
                throw new TokenException(NOT_PROGRAMMABLE, "the " + choices.family().name() + " device cannot be programmed with a seed");
            }
            SeedProgramming.Settings requested = TokenProgrammer.settings(params, displaySeconds, profile);
            SeedProgramming.Settings onlyOptions = new SeedProgramming.Settings(
                    choices.algorithms().contains(requested.algorithm()) ? requested.algorithm() : choices.defaultAlgorithm().orElseThrow(),
                    choices.digits().contains(requested.digits()) ? requested.digits() : choices.defaultDigits(),
                    choices.periods().contains(requested.periodSeconds()) ? requested.periodSeconds() : choices.defaultPeriodSeconds(),
                    displaySeconds, profile);
            Optional<String> optionProblem = choices.unsupported(onlyOptions);
            if (optionProblem.isPresent()) {
                throw new UsageException(optionProblem.get());
            }
            Optional<String> problem = choices.unsupported(requested);
            if (problem.isPresent()) {
                if (credential.fromUri()) {
                    throw new TokenException(SETTINGS_UNSUPPORTED, problem.get());
                }
                throw new UsageException(problem.get());
            }
        }
    }

    @Command(name = "sync-clock", description = "Set the token clock to the PC's, where the family can without touching its seeds "
            + "(Molto2); other tokens are refused with the reason (reprogram them).")
    static final class SyncClock implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private DeviceOptions device;
        @Option(names = "--key-file", paramLabel = "FILE", description = "The token's access key in hex (a Molto2 customer key); "
                + "default: the vendor's published one.")
        private InputFile keyFile;

        SyncClock(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            try (DeviceSession session = device.open(context);
                 Secret key = useKeyFile(keyFile, session, context)) {
                ClockSetting clock = session.feature(ClockSetting.class).orElseThrow(() -> new TokenException(NO_CLOCK_ONLY_SYNC,
                        "the " + session.family().name() + " cannot set its clock alone (its firmware may drop the seed): "
                                + "reprogram it to set the clock"));
                Optional<TokenClock> tokenClock = session.feature(TokenClock.class);
                Instant before = tokenClock.isPresent() ? tokenClock.get().tokenTime() : null;
                Instant now = Instant.now();
                new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew(), context.service(AuditLog.class).orElse(AuditLog.NONE),
                        context.service(DeviceInventory.class)).syncClock(session, clock, context.progress());
                if (before != null) {
                    context.err().println("token clock was " + TokenClock.skew(before, now).toSeconds() + " s off; now set to the PC clock");
                }
                context.out().println(session.identity().serial());
                return ExitCode.OK;
            }
        }
    }

    /**
     * Gives the session the token's access key from a file (hex, never on the command line: the SM4 key, or a Molto2
     * customer key). The session uses it until the operation ends; the caller closes the returned key then (null when
     * no file was given).
     */
    private static Secret useKeyFile(InputFile file, DeviceSession session, CommandContext context) throws UsageException, TokenException {
        if (file == null) {
            return null;
        }
        AccessKey accessKey = session.feature(AccessKey.class)
                .orElseThrow(() -> new UsageException("this token takes no access key; drop --key-file"));
        char[] text = file.readText(context);
        Secret key;
        try {
            key = AccessKey.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw new TokenException(InputFile.UNREADABLE, "the key file must hold 32 hex digits: " + e.getMessage());
        } finally {
            Arrays.fill(text, '\0');
        }
        try {
            accessKey.use(key);
            return key;
        } catch (IllegalArgumentException wrongKeyShape) {
            key.close();
            throw new UsageException("--key-file: " + wrongKeyShape.getMessage());
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new TokenCommand();
        }
    }
}
