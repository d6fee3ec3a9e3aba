package org.tokenbench.programming;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.Verifier;

/**
 * The main job, for any driver that offers {@link SeedProgramming}: compare the token's clock with the PC's, burn seed
 * and settings, then have the user type the code the token now shows and check it against the seed (±1 step). Seeds
 * are write-only, so the displayed code is the only proof the burn worked.
 */
public final class TokenProgrammer {

    /** tokenbench:0x0003 and up are explained by the tokenbench diagnostics catalog. */
    public static final long CLOCK_SKEW_TOO_LARGE = 3;
    public static final long NOT_PROGRAMMABLE = 4;
    public static final long SETTINGS_UNSUPPORTED = 5;
    public static final long NOT_CONFIRMED = 6;
    public static final long CONFIRMATION_MISMATCH = 7;
    /** The user canceled before the burn began; nothing was written. */
    public static final long CANCELED = 0x10;

    /**
     * @param token           what was programmed
     * @param skewBefore      token clock minus PC clock before programming
     * @param confirmedOffset step offset of the code the user typed (0: token and PC agree)
     */
    public record Result(DeviceIdentity token, Duration skewBefore, int confirmedOffset) {
    }

    private final Clock pcClock;
    private final Duration maxSkew;
    private final AuditLog audit;
    private final Optional<DeviceInventory> inventory;

    /** A programmer that records nothing (no audit log, no inventory). */
    public TokenProgrammer(Clock pcClock, Duration maxSkew) {
        this(pcClock, maxSkew, AuditLog.NONE, Optional.empty());
    }

    /**
     * @param audit     where every program, confirmation and clock setting is recorded, failures with their code
     * @param inventory moved to PROGRAMMED and CONFIRMED (with the account label) when installed
     */
    public TokenProgrammer(Clock pcClock, Duration maxSkew, AuditLog audit, Optional<DeviceInventory> inventory) {
        this.pcClock = pcClock;
        this.maxSkew = maxSkew;
        this.audit = audit;
        this.inventory = inventory;
    }

    /** When tokens need a clock check: the usual bound, generous for drift but catching a wrong PC clock. */
    public static Duration defaultMaxSkew() {
        return Duration.ofMinutes(5);
    }

    /**
     * The device settings for a credential: its hash, digits and period, with the display time and profile chosen for
     * the token. Only time-based credentials fit a token.
     */
    public static SeedProgramming.Settings settings(OtpParams params, int displaySeconds, int profile) throws TokenException {
        if (params.type() != OtpType.TOTP) {
            throw failure(SETTINGS_UNSUPPORTED, "only time-based (TOTP) credentials can be put on a token");
        }
        HashAlgorithm algorithm = HashAlgorithm.parse(params.algorithm().name()).orElseThrow(() -> failure(SETTINGS_UNSUPPORTED,
                "no token computes " + params.algorithm().name() + " codes"));
        return new SeedProgramming.Settings(algorithm, params.digits(), params.periodSeconds(), displaySeconds, profile);
    }

    /** Programs with what the session's driver accepts; see {@link #program(TokenSession, ProgrammingChoices, OtpAccount, int, int, boolean, Interaction, ProgressMonitor)}. */
    public Result program(TokenSession session, OtpAccount account, int displaySeconds, int profile, boolean force,
            Interaction interaction, ProgressMonitor monitor) throws TokenException {
        return program(session, null, account, displaySeconds, profile, force, interaction, monitor);
    }

    /**
     * @param choices        the claimed device family's choices (from its descriptor), checked before anything is sent;
     *                       null when the family is not known, then only the session's own check applies
     * @param displaySeconds how long the token's display stays on
     * @param profile        the slot on a multi-profile token (0 on single-profile ones)
     * @param force          program even when the token clock is further off than the bound
     * @param monitor        progress; a cancel before the burn writes nothing, the burn itself is never cut short
     */
    public Result program(TokenSession session, ProgrammingChoices choices, OtpAccount account, int displaySeconds, int profile,
            boolean force, Interaction interaction, ProgressMonitor monitor) throws TokenException {
        Prepared prepared = prepare(session, choices, account, displaySeconds, profile, force, interaction);
        if (monitor.isCanceled()) {
            TokenException canceled = failure(CANCELED, "programming token " + session.identity().serial()
                    + " was canceled before anything was written");
            record(new AuditEvent(AuditEvent.PROGRAM, session.identity().family(), session.identity().serial(), AuditEvent.Outcome.CANCELED,
                    Optional.of(canceled.code()), label(account)), canceled);
            throw canceled;
        }
        prepared.burn(monitor);
        return prepared.confirm(interaction);
    }

    /**
     * Everything before the first write: the settings against the family's choices and the driver's, and the clocks.
     * A refusal here wrote nothing (and is recorded as refused). A batch marks its journal between this and
     * {@link Prepared#burn}, so only a failure after that point can leave a seed on the token.
     */
    public Prepared prepare(TokenSession session, ProgrammingChoices choices, OtpAccount account, int displaySeconds, int profile,
            boolean force, Interaction interaction) throws TokenException {
        DeviceIdentity token = session.identity();
        try {
            SeedProgramming programming = session.feature(SeedProgramming.class).orElseThrow(() -> failure(NOT_PROGRAMMABLE,
                    "the " + token.family() + " device cannot be programmed with a seed"));
            SeedProgramming.Settings settings = settings(account.params(), displaySeconds, profile);
            Optional<String> unsupported = choices == null ? Optional.empty() : choices.unsupported(settings);
            if (unsupported.isEmpty()) {
                unsupported = programming.unsupported(settings);
            }
            if (unsupported.isPresent()) {
                throw failure(SETTINGS_UNSUPPORTED, unsupported.get());
            }
            Duration skew = checkClocks(session, force, interaction);
            return new Prepared(session, programming, settings, account, skew);
        } catch (TokenException e) {
            record(new AuditEvent(AuditEvent.PROGRAM, token.family(), token.serial(), AuditEvent.Outcome.REFUSED, Optional.of(e.code()),
                    label(account) + ": nothing written"), e);
            throw e;
        }
    }

    /** A token checked and ready: {@link #burn} writes, {@link #confirm} asks for the displayed code. */
    public final class Prepared {
        private final TokenSession session;
        private final SeedProgramming programming;
        private final SeedProgramming.Settings settings;
        private final OtpAccount account;
        private final Duration skew;

        private Prepared(TokenSession session, SeedProgramming programming, SeedProgramming.Settings settings, OtpAccount account,
                Duration skew) {
            this.session = session;
            this.programming = programming;
            this.settings = settings;
            this.account = account;
            this.skew = skew;
        }

        /** Token clock minus PC clock before programming. */
        public Duration skew() {
            return skew;
        }

        /** Writes settings, clock and seed; the burn itself is never cut short. */
        public void burn(ProgressMonitor monitor) throws TokenException {
            DeviceIdentity token = session.identity();
            try {
                programming.program(account.secret(), settings, pcClock.instant(), monitor);
            } catch (TokenException e) {
                record(AuditEvent.failed(AuditEvent.PROGRAM, token.family(), token.serial(), e.code(), label(account)), e);
                throw e;
            }
            record(AuditEvent.succeeded(AuditEvent.PROGRAM, token.family(), token.serial(), label(account) + ", " + settings.algorithm()
                    + ", " + settings.digits() + " digits, " + settings.periodSeconds() + " s, profile " + settings.profile()), null);
            moveInventory(token, DeviceInventory.State.PROGRAMMED, label(account));
        }

        public Result confirm(Interaction interaction) throws TokenException {
            return TokenProgrammer.this.confirm(session, account, skew, interaction);
        }
    }

    /** Sets the token clock to the PC's where the family can without touching the seed; recorded either way. */
    public void syncClock(TokenSession session, ClockSetting clock, ProgressMonitor monitor) throws TokenException {
        DeviceIdentity token = session.identity();
        try {
            clock.setClock(pcClock.instant(), monitor);
        } catch (TokenException e) {
            record(AuditEvent.failed(AuditEvent.CLOCK_SYNC, token.family(), token.serial(), e.code(), ""), e);
            throw e;
        }
        record(AuditEvent.succeeded(AuditEvent.CLOCK_SYNC, token.family(), token.serial(), "set to the PC clock"), null);
    }

    /** Token clock minus PC clock; refused beyond the bound unless forced, because then one of the two is wrong. */
    private Duration checkClocks(TokenSession session, boolean force, Interaction interaction) throws TokenException {
        Optional<TokenClock> clock = session.feature(TokenClock.class);
        if (clock.isEmpty()) {
            return Duration.ZERO;
        }
        Duration skew = TokenClock.skew(clock.get().tokenTime(), pcClock.instant());
        if (skew.abs().compareTo(maxSkew) > 0 && !force) {
            throw failure(CLOCK_SKEW_TOO_LARGE, "token " + session.identity().serial() + " is " + describe(skew) + " the PC (allowed: "
                    + maxSkew.toSeconds() + " s). Check the PC clock first; force to set the token to it.");
        }
        interaction.inform("Token clock is " + describe(skew) + " the PC clock; programming sets it to the PC's.");
        return skew;
    }

    /**
     * Asks for the code the token shows and checks it against the seed (±1 step): the only proof a write-only seed took.
     * Also how a batch confirms a token whose burn was interrupted before its confirmation, without writing again.
     */
    public Result confirm(TokenSession session, OtpAccount account, Duration skew, Interaction interaction) throws TokenException {
        DeviceIdentity token = session.identity();
        try {
            Result result = checkShownCode(session, account, skew, interaction);
            record(AuditEvent.succeeded(AuditEvent.CONFIRM, token.family(), token.serial(), label(account) + ", step offset "
                    + result.confirmedOffset()), null);
            moveInventory(token, DeviceInventory.State.CONFIRMED, label(account));
            return result;
        } catch (TokenException e) {
            record(AuditEvent.failed(AuditEvent.CONFIRM, token.family(), token.serial(), e.code(), label(account)), e);
            throw e;
        }
    }

    private Result checkShownCode(TokenSession session, OtpAccount account, Duration skew, Interaction interaction) throws TokenException {
        OtpParams params = account.params();
        String shown = interaction.askText("Type the code token " + session.identity().serial() + " shows now").orElse("");
        if (shown.isBlank()) {
            throw failure(NOT_CONFIRMED, "the seed was written but not confirmed: compare the token's code with a phone app");
        }
        try (Verifier verifier = new Verifier(account.secret(), params, 1)) {
            Verifier.Result check = verifier.verify(shown.strip(), pcClock.instant().getEpochSecond());
            if (!check.accepted()) {
                throw failure(CONFIRMATION_MISMATCH, "the code the token shows (" + check.outcome().name().toLowerCase(Locale.ROOT)
                        + ") does not match the seed within ±1 step: the burn did not take, or the token clock is off");
            }
            return new Result(session.identity(), skew, check.stepOffset());
        }
    }

    /**
     * Moves the device in the inventory, when one is installed. The token's state is what it is whatever the inventory
     * says: a failure to note it is recorded in the audit log, not reported as a failed burn or confirmation.
     */
    private void moveInventory(DeviceIdentity token, DeviceInventory.State state, String account) throws TokenException {
        if (inventory.isEmpty()) {
            return;
        }
        try {
            // The devices service notes sightings asynchronously: make sure the token is known before moving it.
            inventory.get().seen(token, "", Optional.empty());
            inventory.get().changeState(token.family(), token.serial(), state, account);
        } catch (TokenException e) {
            record(AuditEvent.failed(AuditEvent.INVENTORY_CHANGE, token.family(), token.serial(), e.code(), "to " + state + ": "
                    + e.getMessage()), e);
        }
    }

    /** "issuer:account" as the inventory keeps it; never the seed. */
    static String label(OtpAccount account) {
        OtpParams p = account.params();
        return p.issuer().isEmpty() ? p.account() : p.account().isEmpty() ? p.issuer() : p.issuer() + ":" + p.account();
    }

    /**
     * Records an event. When it records a failure ({@code failure} given), a log that cannot be written must not hide
     * that failure: its own error is attached to it instead.
     */
    private void record(AuditEvent event, TokenException failure) throws TokenException {
        try {
            audit.record(event);
        } catch (TokenException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static String describe(Duration skew) {
        long seconds = skew.toSeconds();
        return seconds == 0 ? "in step with" : Math.abs(seconds) + " s " + (seconds > 0 ? "ahead of" : "behind");
    }

    private static TokenException failure(long code, String message) {
        return new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, code), message);
    }
}
